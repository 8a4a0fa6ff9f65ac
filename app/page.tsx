import { redirect } from "next/navigation";

// GET /: the admin console starts at the overview (the admin layout asks for a sign-in).
export default function Home() {
  redirect("/overview");
}

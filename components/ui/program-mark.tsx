import { programInitial } from "@/lib/branding/program-initial";
import { cn } from "./cn";

/** The program's mark: the first letter of its name on the brand colour (console, portal, sign-in;
 * the browser-tab icon draws the same: lib/branding/program-icon.tsx). */
export function ProgramMark({ name, size = "sm", className }: { name: string; size?: "sm" | "lg"; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "flex shrink-0 items-center justify-center bg-brand-600 font-bold text-white",
        size === "lg" ? "h-11 w-11 rounded-xl text-lg" : "h-8 w-8 rounded-lg text-sm",
        className,
      )}
    >
      {programInitial(name)}
    </span>
  );
}

export { startServer as registerNode } from "@/lib/server/startup";

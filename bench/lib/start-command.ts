import { readFileSync } from "node:fs";
import path from "node:path";

// How `npm start` runs the server (package.json's start script): its environment, node's flags
// and next's arguments. The benchmarks start the app the same way, read from the app they run,
// so a flag changed in package.json is what they measure, without a copy here to keep in step.

export interface StartCommand {
  env: Record<string, string>;
  nodeFlags: string[];
  nextArgs: string[];
}

const NEXT_BIN = "node_modules/next/dist/bin/next";
const SHAPE = `VAR=value… node [node flags] ${NEXT_BIN} start [next arguments]`;

export function parseStartScript(script: string): StartCommand {
  if (/["'`$\\;&|<>]/.test(script)) throw new Error(`The start script "${script}" uses shell syntax; the benchmarks read only ${SHAPE}.`);
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let at = 0;
  for (; at < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at]!); at++) {
    const [name, ...value] = words[at]!.split("=");
    env[name!] = value.join("=");
  }
  const bin = words.indexOf(NEXT_BIN, at);
  if (words[at] !== "node" || bin < 0 || words[bin + 1] !== "start") throw new Error(`The start script "${script}" is not ${SHAPE}.`);
  return { env, nodeFlags: words.slice(at + 1, bin), nextArgs: words.slice(bin + 2) };
}

export function readStartCommand(appDir: string): StartCommand {
  const manifest = JSON.parse(readFileSync(path.join(appDir, "package.json"), "utf8")) as { scripts?: Record<string, unknown> };
  const script = manifest.scripts?.start;
  if (typeof script !== "string") throw new Error(`${path.join(appDir, "package.json")} has no start script.`);
  return parseStartScript(script);
}

import { InvalidError } from "@/lib/errors";
import { CONNECTOR_SECRET_KEYS, isConnectorSecretKey, type ConnectorSecretKey } from "@/lib/schemas/connector-secrets";
import { SETTING_KEYS, type SettingKey } from "@/lib/schemas/settings";
import { CLI } from "@/lib/services/actor";
import { connectorSecretState, setConnectorSecret } from "@/lib/services/connectors/secrets";
import { getSettings, updateSettings } from "@/lib/services/settings";
import type { Command } from "../types";
import { UsageError } from "../types";

const BOOLEAN = /^(true|false|on|off|yes|no|1|0)$/i;

/**
 * Reads a value typed on the command line as the setting's type. Rates and money are the
 * stored units (basis points, minor units), as SPEC.md §5 says.
 */
function parseValue(key: SettingKey, text: string, current: unknown): unknown {
  if (typeof current === "boolean") {
    if (!BOOLEAN.test(text)) throw new UsageError(`${key} takes true or false`);
    return /^(true|on|yes|1)$/i.test(text);
  }
  if (typeof current === "number") {
    if (!/^-?\d+$/.test(text)) throw new UsageError(`${key} takes a whole number${key === "defaultCommissionRate" ? " (basis points for a percentage, minor units for fixed)" : key === "minPayout" ? " (minor units, e.g. 5000 for 50.00)" : ""}`);
    return Number(text);
  }
  if (key === "actionCommissions") {
    try {
      return JSON.parse(text);
    } catch {
      throw new UsageError(`actionCommissions takes JSON, e.g. '{"signup": 200}'`);
    }
  }
  return text;
}

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function keyOf(text: string | undefined): SettingKey | ConnectorSecretKey {
  if (text && isConnectorSecretKey(text)) return text;
  if (!text || !(SETTING_KEYS as string[]).includes(text)) {
    throw new UsageError(`unknown setting "${text ?? ""}"; known settings: ${[...SETTING_KEYS, ...CONNECTOR_SECRET_KEYS].join(", ")}`);
  }
  return text as SettingKey;
}

export const settingsGet: Command = {
  path: ["settings", "get"],
  usage: "settings get [KEY]",
  summary: "Print one program setting, or all of them as KEY=VALUE lines.",
  async run(args, io) {
    if (args.length > 1) throw new UsageError("settings get takes at most one KEY");
    const key = args[0] === undefined ? undefined : keyOf(args[0]);
    const { db, close } = await io.openDb();
    try {
      // A connector secret is never printed, only whether it is set.
      if (key && isConnectorSecretKey(key)) {
        io.out(await connectorSecretState(db, key));
        return 0;
      }
      const settings = await getSettings(db);
      if (key) io.out(show(settings[key]));
      else {
        for (const k of SETTING_KEYS) io.out(`${k}=${show(settings[k])}`);
        for (const k of CONNECTOR_SECRET_KEYS) io.out(`${k}=(${await connectorSecretState(db, k)})`);
      }
      return 0;
    } finally {
      await close();
    }
  },
};

export const settingsSet: Command = {
  path: ["settings", "set"],
  usage: "settings set KEY VALUE",
  summary: "Change one program setting (money in minor units, percentages in basis points).",
  async run(args, io) {
    const [keyText, valueText, ...rest] = args;
    if (valueText === undefined || rest.length) throw new UsageError("settings set takes exactly KEY and VALUE");
    const key = keyOf(keyText);
    const { db, close } = await io.openDb();
    try {
      if (isConnectorSecretKey(key)) {
        try {
          await setConnectorSecret(db, CLI, key, valueText);
        } catch (error) {
          if (error instanceof InvalidError) throw new UsageError(`${key}: ${error.details?.[0]?.message ?? error.message}`);
          throw error;
        }
        io.out(`${key}=(${await connectorSecretState(db, key)})`);
        return 0;
      }
      const current = await getSettings(db);
      const value = parseValue(key, valueText, current[key]);
      try {
        const next = await updateSettings(db, CLI, { [key]: value });
        io.out(`${key}=${show(next[key])}`);
      } catch (error) {
        if (error instanceof InvalidError) throw new UsageError(`${key}: ${error.details?.[0]?.message ?? error.message}`);
        throw error;
      }
      return 0;
    } finally {
      await close();
    }
  },
};

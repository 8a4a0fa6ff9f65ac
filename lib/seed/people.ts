import { BOT_AGENTS, DESKTOP_AGENTS, FIRST_NAMES, IN_APP_AGENTS, LAST_NAMES, MOBILE_AGENTS, slugify, type PartnerKind } from "./data";
import type { Rng } from "./random";

// Shoppers and their devices: names and emails (example.com only), customer and visitor
// ids, public-looking IP addresses and browsers that fit where they came from.

export interface Customer {
  id: string;
  email: string;
  name: string;
  signedUp: boolean;
  member: boolean;
  upgraded: boolean;
}

export interface Device {
  ip: string;
  userAgent: string;
}

const VISITOR_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const FIRST_OCTETS = [24, 47, 50, 64, 67, 68, 71, 73, 75, 76, 81, 86, 90, 92, 96, 98, 99, 104, 107, 108, 142, 151, 173, 174, 184, 203, 212, 217];
const BOT_NETWORKS = ["66.249", "40.77", "54.36", "185.191", "31.13", "3.80"];

export class People {
  private readonly emails: Set<string>;

  constructor(
    private readonly rng: Rng,
    /** Addresses already taken (the partners'), so a shopper is never a partner by accident. */
    reserved: Iterable<string>,
  ) {
    this.emails = new Set([...reserved].map((e) => e.toLowerCase()));
  }

  customer(): Customer {
    const { rng } = this;
    for (;;) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const f = slugify(first);
      const l = slugify(last);
      const local = rng.weighted<string>([
        [`${f}.${l}`, 3],
        [`${f}${l.charAt(0)}${rng.int(70, 99)}`, 2],
        [`${f.charAt(0)}${l}`, 2],
        [`${f}.${l}${rng.int(1, 999)}`, 2],
        [`${l}.${f}`, 1],
      ]);
      const email = `${local}@example.com`;
      if (this.emails.has(email)) continue;
      this.emails.add(email);
      return { id: `cus_${rng.token(14)}`, email, name: `${first} ${last}`, signedUp: false, member: false, upgraded: false };
    }
  }

  visitorId(): string {
    return this.rng.token(22, VISITOR_ALPHABET);
  }

  ip(): string {
    const { rng } = this;
    return `${rng.pick(FIRST_OCTETS)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  }

  /** A browser that fits the audience: in-app browsers for social apps, mostly phones. */
  device(kind: PartnerKind): Device {
    const { rng } = this;
    let userAgent: string;
    if (kind === "instagram" && rng.chance(0.55)) userAgent = IN_APP_AGENTS.instagram;
    else if (kind === "tiktok" && rng.chance(0.6)) userAgent = IN_APP_AGENTS.tiktok;
    else if (kind === "club" && rng.chance(0.3)) userAgent = IN_APP_AGENTS.facebook;
    else userAgent = rng.chance(kind === "blog" || kind === "deals" ? 0.45 : 0.62) ? rng.pick(MOBILE_AGENTS) : rng.pick(DESKTOP_AGENTS);
    return { ip: this.ip(), userAgent };
  }

  /** A shopper's own browser, for orders placed without any partner around. */
  shopperDevice(): Device {
    return { ip: this.ip(), userAgent: this.rng.chance(0.55) ? this.rng.pick(MOBILE_AGENTS) : this.rng.pick(DESKTOP_AGENTS) };
  }

  bot(): Device {
    const { rng } = this;
    return { ip: `${rng.pick(BOT_NETWORKS)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, userAgent: rng.pick(BOT_AGENTS) };
  }
}

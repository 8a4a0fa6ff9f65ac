// Word lists for the demo program: people, partner brands, browsers, referrers. Emails and
// partner sites use example.com / .example only, so no real address is ever written.

export const FIRST_NAMES = [
  "Maya", "Liam", "Sofia", "Noah", "Aisha", "Ethan", "Hana", "Lucas", "Priya", "Mateo",
  "Chloe", "Omar", "Grace", "Diego", "Zoe", "Kenji", "Amara", "Henry", "Leila", "Owen",
  "Isabel", "Ravi", "Nora", "Felix", "Camila", "Jonah", "Yara", "Elias", "Ingrid", "Marcus",
  "Lucia", "Tomas", "Aaliyah", "Finn", "Mei", "Gabriel", "Sienna", "Arjun", "Elena", "Caleb",
  "Freya", "Samuel", "Naomi", "Theo", "Ines", "Wyatt", "Layla", "Hugo", "Rosa", "Declan",
] as const;

export const LAST_NAMES = [
  "Lopez", "Carter", "Nguyen", "Okafor", "Schmidt", "Patel", "Rossi", "Tanaka", "Fischer", "Haddad",
  "Murphy", "Silva", "Kowalski", "Bennett", "Ibrahim", "Larsen", "Moreau", "Chen", "Alvarez", "Walsh",
  "Novak", "Yamamoto", "Hughes", "Mensah", "Dubois", "Kim", "Russo", "Andersen", "Reyes", "Sullivan",
  "Petrov", "Garcia", "Brooks", "Lindqvist", "Osei", "Romero", "Fraser", "Costa", "Jensen", "Ward",
] as const;

/** Partner brands: "<word> <word> <kind>", e.g. "Switchback Trail Reviews". */
export const BRAND_FIRST = ["Switchback", "Timberline", "Wild Miles", "Basecamp", "Ridgeline", "Backcountry", "Trailhead", "Summit", "Campfire", "Alpine Dad", "Dirtbag", "Quiet Pines"] as const;
export const BRAND_KIND = ["Reviews", "Podcast", "Collective", "Weekly", "Club", "Journal", "Gear Lab", "Outfitters Guide"] as const;

/** How a partner reaches people; decides referrers and how much traffic converts. */
export type PartnerKind = "blog" | "youtube" | "instagram" | "tiktok" | "podcast" | "club" | "deals";

export const PARTNER_KINDS: readonly (readonly [PartnerKind, number])[] = [
  ["blog", 5],
  ["youtube", 4],
  ["instagram", 4],
  ["tiktok", 2],
  ["podcast", 2],
  ["club", 2],
  ["deals", 1],
];

/** Referrers a partner's visitors arrive from ("" = none sent). `{site}` is the partner's own site. */
export const REFERRERS: Record<PartnerKind, readonly (readonly [string, number])[]> = {
  blog: [["https://{site}/", 3], ["https://{site}/best-ultralight-tents", 4], ["https://{site}/gear-list-john-muir-trail", 3], ["https://www.google.com/", 2], ["", 2]],
  youtube: [["https://www.youtube.com/", 6], ["https://m.youtube.com/", 3], ["", 2]],
  instagram: [["https://l.instagram.com/", 6], ["https://www.instagram.com/", 2], ["", 2]],
  tiktok: [["https://www.tiktok.com/", 5], ["", 3]],
  podcast: [["https://{site}/episodes", 3], ["https://open.spotify.com/", 2], ["", 5]],
  club: [["https://{site}/members/deals", 4], ["https://www.facebook.com/", 2], ["", 3]],
  deals: [["https://{site}/outdoor-deals", 5], ["https://www.reddit.com/", 2], ["", 1]],
};

export const DESKTOP_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
] as const;

export const MOBILE_AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
] as const;

/** In-app browsers of the social apps, for visitors coming from them. */
export const IN_APP_AGENTS = {
  instagram:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 339.0.3.12.91 (iPhone14,5; iOS 17_5_1; en_US; en; scale=3.00; 1170x2532; 618023787)",
  facebook:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/466.0.0.40.108;FBDV/iPhone15,3;FBMD/iPhone;FBSN/iOS;FBSV/17.4;FBLC/en_US]",
  tiktok:
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.0.0 Mobile Safari/537.36 trill_350403 BytedanceWebview/d8a21c6",
} as const;

/** Crawlers that follow links; the tracking service declines their clicks as bots. */
export const BOT_AGENTS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
  "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "Twitterbot/1.0",
] as const;

/** "Maya Lopez" → "maya-lopez"; for emails, sites, slugs. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

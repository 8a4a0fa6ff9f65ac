// Signs an admin in the way a browser does, through next-auth's credentials flow over HTTP:
// GET /api/auth/csrf (a token and its cookie), then POST /api/auth/callback/credentials with
// the token, email and password; the answer sets the session cookie the pages read.

/** A cookie jar for one origin: name → value, from Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      // An expired or emptied cookie is next-auth clearing it.
      if (!value || /max-age=0\b|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(pattern: RegExp): boolean {
    return [...this.cookies.keys()].some((name) => pattern.test(name));
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}.`);
  jar.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf answered without a csrfToken.");

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/overview`, json: "true" }),
  });
  jar.take(response);
  await response.arrayBuffer();
  if (!jar.has(/next-auth\.session-token$/)) {
    throw new Error(`Signing in as ${email} failed: POST /api/auth/callback/credentials answered ${response.status} (${response.headers.get("location") ?? "no redirect"}) without a session cookie.`);
  }
  return jar;
}

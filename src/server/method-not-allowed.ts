/** For a path some route answers with other methods: those methods (for 405 and its Allow header). */
import type { Hono } from 'hono';

function patternOf(path: string): RegExp {
  let re = '';
  for (let i = 0; i < path.length;) {
    if (path[i] === ':') {
      const m = /^:[A-Za-z0-9_]+(\{([^}]+)\})?/.exec(path.slice(i))!;
      re += m[2] ? `(?:${m[2]})` : '[^/]+';
      i += m[0].length;
    } else if (path[i] === '*') {
      re += '.*';
      i += 1;
    } else {
      re += path[i]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      i += 1;
    }
  }
  return new RegExp(`^${re}$`);
}

/** Read the app's routes once (after every route is mounted); the answer per path is computed on demand. */
export function allowedMethods(app: Hono): (path: string) => string[] {
  let routes: { method: string; re: RegExp }[] | undefined;
  return (path) => {
    // The web app's catch-all GET (its client routes) says nothing about which methods an API path takes.
    routes ??= app.routes.filter((r) => r.method !== 'ALL' && r.path !== '*' && r.path !== '/*').map((r) => ({ method: r.method, re: patternOf(r.path) }));
    const methods = new Set<string>();
    for (const r of routes) if (r.re.test(path)) methods.add(r.method);
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

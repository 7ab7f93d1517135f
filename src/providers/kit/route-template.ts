/**
 * Matches a concrete request path to one of a provider's route templates (`/customers/{id}`), so telemetry
 * can name the route without the ids in it. A path that matches no template is reported as `unlisted`
 * rather than echoed, because its segments may hold an id, an email or a key.
 */
export class RouteTemplates {
  private readonly compiled: { template: string; segments: (string | null)[]; staticCount: number }[];

  constructor(templates: readonly string[]) {
    this.compiled = templates.map((template) => {
      const segments = template.split('/').map((part) => (/^\{[^}]*\}$/.test(part) ? null : part));
      return { template, segments, staticCount: segments.filter((part) => part !== null).length };
    });
    // The most specific template wins when several match (`/customers/external/{id}` before `/customers/{id}/state`).
    this.compiled.sort((left, right) => right.staticCount - left.staticCount);
  }

  match(path: string): string {
    const parts = path.split('/');
    for (const candidate of this.compiled) {
      if (candidate.segments.length !== parts.length) continue;
      if (candidate.segments.every((segment, index) => (segment === null ? parts[index] !== '' : segment === parts[index]))) return candidate.template;
    }
    return 'unlisted';
  }
}

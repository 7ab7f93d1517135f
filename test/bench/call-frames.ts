/** Where a V8 profile's call frame runs, as the profile readers (`profile-top.ts`, `heap-top.ts`) group it. */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/** `graphql-yoga`, `@envelop/core`, `src/loaders`, `node:internal`, or the V8 bucket (garbage collector, program). */
export function moduleOf({ url, functionName }: CallFrame): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage !== null) return inPackage[1] as string;
  const inSource = /\/(src|test)\/([^/]+)\//.exec(url);
  if (inSource !== null) return `${inSource[1]}/${inSource[2]}`;
  return url.startsWith('node:') ? 'node:internal' : url;
}

/** The function and its place, e.g. `parseBody src/providers/kit/http-client.ts:1`. */
export function siteOf({ functionName, url, lineNumber }: CallFrame): string {
  const place = url === '' ? '' : ` ${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|test)\//, '$1/')}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${place}`;
}

/** Amounts (samples, bytes) added up by module and by function, printed as shares of `total`, largest first. */
export class FrameTally {
  readonly byModule = new Map<string, number>();
  readonly bySite = new Map<string, number>();

  add(frame: CallFrame, amount: number): void {
    const module = moduleOf(frame);
    const site = siteOf(frame);
    this.byModule.set(module, (this.byModule.get(module) ?? 0) + amount);
    this.bySite.set(site, (this.bySite.get(site) ?? 0) + amount);
  }

  print(total: number, functions: number, leaveOut: (name: string) => boolean = () => false): void {
    const rows = (map: Map<string, number>, count: number) =>
      [...map].filter(([name]) => !leaveOut(name)).sort((a, b) => b[1] - a[1]).slice(0, count);
    console.log('by package or source folder:');
    for (const [module, amount] of rows(this.byModule, 12)) console.log(`${((amount / total) * 100).toFixed(1).padStart(5)} %  ${module}`);
    console.log('by function:');
    for (const [site, amount] of rows(this.bySite, functions)) console.log(`${((amount / total) * 100).toFixed(1).padStart(5)} %  ${site}`);
  }
}

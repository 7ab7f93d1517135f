/** Start-up failures people can act on, said in a sentence instead of a stack. */
export function describeListenError(error: unknown, what: string, variables: string): string | null {
  const failure = error as { code?: string; port?: number; address?: string; hostname?: string; syscall?: string } | null;
  switch (failure?.code) {
    case 'EADDRINUSE':
      return `port ${failure.port} on ${failure.address} is already in use: stop what holds it, or choose another with ${variables}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST "${failure.hostname}" is not an address or a name this machine can resolve: use an interface address such as 127.0.0.1, 0.0.0.0 or ::`;
    case 'EADDRNOTAVAIL':
      return `HOST "${failure.address}" is not an address of this machine, so the ${what} cannot listen on it: use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)`;
    case 'EACCES':
      return `the ${what} may not listen on port ${failure.port}: ports below 1024 need privileges; choose another with ${variables}`;
    default:
      return null;
  }
}

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Child {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts a bench server script under tsx in its own process and waits for its `listening <port>` line. */
export async function startChild(script: string, env: Record<string, string>, nodeFlags: string[] = []): Promise<Child> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match !== null) resolve(Number(match[1]));
      else console.log(line);
    });
  });
  return {
    pid: child.pid as number,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

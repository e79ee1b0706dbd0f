import { spawn, type ChildProcess } from "node:child_process";

export type LogLine = { at: number; stream: "stdout" | "stderr"; text: string };

/**
 * A process of the system under test (an app instance, a worker), started in a process group of its own
 * so that killing it reaches everything it started (the launcher's web server child, for one), with every
 * line it writes kept for the test to read.
 */
export class ManagedProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly waiters: { pattern: RegExp; resolve: (line: LogLine) => void }[] = [];

  constructor(
    readonly name: string,
    command: readonly string[],
    env: Record<string, string>,
    options: { echo?: boolean } = {},
  ) {
    const [program, ...args] = command as [string, ...string[]];
    this.child = spawn(program, args, {
      env: env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of ["stdout", "stderr"] as const) {
      let partial = "";
      this.child[stream]!.on("data", (chunk: Buffer) => {
        const parts = (partial + chunk.toString()).split("\n");
        partial = parts.pop() ?? "";
        for (const text of parts) this.record({ at: Date.now(), stream, text }, options.echo);
      });
      this.child[stream]!.on("end", () => {
        if (partial) this.record({ at: Date.now(), stream, text: partial }, options.echo);
        partial = "";
      });
    }
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private record(line: LogLine, echo: boolean | undefined): void {
    this.lines.push(line);
    if (echo) process.stdout.write(`[${this.name}] ${line.text}\n`);
    for (const waiter of [...this.waiters]) {
      if (waiter.pattern.test(line.text)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  }

  /** Resolves with the first line (already written or to come) that matches. */
  waitForLine(pattern: RegExp, timeoutMs = 60_000): Promise<LogLine> {
    const seen = this.lines.find((l) => pattern.test(l.text));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} wrote no line matching ${pattern} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void this.exited.then(({ code, signal }) =>
        reject(new Error(`${this.name} exited (${signal ?? code}) before writing ${pattern}`)),
      );
    });
  }

  /** Sends a signal to the whole process group: the process and everything it started. */
  signal(signal: NodeJS.Signals): void {
    if (!this.running) return;
    try {
      process.kill(-this.pid, signal);
    } catch {
      /* already gone */
    }
  }

  /** kill -9, as a crash or the OOM killer would: nothing gets to clean up. */
  async kill(): Promise<void> {
    this.signal("SIGKILL");
    await this.exited;
  }

  /** SIGTERM, as a process manager stops a service; SIGKILL if it is still running after `graceMs`. */
  async stop(graceMs = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.running) return this.exited;
    // To the launcher only: it stops its web server itself, as it does under a process manager.
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.signal("SIGKILL"), graceMs);
    const outcome = await this.exited;
    clearTimeout(timer);
    return outcome;
  }

  /** Every line written as text, one per line. */
  text(): string {
    return this.lines.map((l) => l.text).join("\n");
  }
}

// Terminal prompts: a hidden passphrase prompt and the yes / no / details confirmation. Only used
// when stdin is a TTY; callers check that first.
import { createInterface } from "node:readline";

export async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = "";
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          done();
          return resolve(value);
        }
        if (ch === "\u0003") {
          done();
          return reject(new Error("cancelled"));
        }
        if (ch === "\u007f") value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    stdin.on("data", onData);
  });
}

export async function promptLine(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

/** Asks yes / no / details until answered; `details` runs the callback and asks again. */
export async function confirm(question: string, details: () => void): Promise<boolean> {
  for (;;) {
    const a = (await promptLine(`${question} [yes/no/details] `)).trim().toLowerCase();
    if (a === "yes" || a === "y") return true;
    if (a === "no" || a === "n" || a === "") return false;
    if (a === "details" || a === "d") details();
  }
}

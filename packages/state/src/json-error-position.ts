// Finds where a JSON text first goes wrong, so a corrupt state file can be reported by line and
// column whatever the JavaScript engine's own parse error says. Only used after JSON.parse fails.

/** The offset of the first syntax error, or text.length if the text ends too early. */
export function jsonErrorPosition(text: string): number {
  const s = new Scanner(text);
  try {
    s.ws();
    s.value();
    s.ws();
    if (s.i < text.length) return s.i;
    return text.length;
  } catch (e) {
    if (e instanceof SyntaxAt) return e.at;
    throw e;
  }
}

class SyntaxAt {
  constructor(readonly at: number) {}
}

class Scanner {
  i = 0;
  constructor(private readonly t: string) {}

  fail(): never {
    throw new SyntaxAt(this.i);
  }

  ws(): void {
    while (this.i < this.t.length && " \t\n\r".includes(this.t[this.i]!)) this.i++;
  }

  value(): void {
    const c = this.t[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    const word = ["true", "false", "null"].find((w) => w[0] === c);
    if (word === undefined) return this.fail();
    for (const ch of word) {
      if (this.t[this.i] !== ch) this.fail();
      this.i++;
    }
  }

  object(): void {
    this.i++;
    this.ws();
    if (this.t[this.i] === "}") return void this.i++;
    for (;;) {
      this.ws();
      if (this.t[this.i] !== '"') this.fail();
      this.string();
      this.ws();
      if (this.t[this.i] !== ":") this.fail();
      this.i++;
      this.ws();
      this.value();
      this.ws();
      if (this.t[this.i] === ",") this.i++;
      else if (this.t[this.i] === "}") return void this.i++;
      else this.fail();
    }
  }

  array(): void {
    this.i++;
    this.ws();
    if (this.t[this.i] === "]") return void this.i++;
    for (;;) {
      this.ws();
      this.value();
      this.ws();
      if (this.t[this.i] === ",") this.i++;
      else if (this.t[this.i] === "]") return void this.i++;
      else this.fail();
    }
  }

  string(): void {
    this.i++;
    while (this.i < this.t.length) {
      const c = this.t[this.i]!;
      if (c === '"') return void this.i++;
      if (c === "\\") {
        this.i++;
        const e = this.t[this.i];
        if (e === "u") {
          this.i++;
          for (let k = 0; k < 4; k++, this.i++) {
            if (!/[0-9a-fA-F]/.test(this.t[this.i] ?? "")) this.fail();
          }
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i++;
        else this.fail();
      } else if (c < " ") this.fail();
      else this.i++;
    }
    this.fail();
  }

  number(): void {
    if (this.t[this.i] === "-") this.i++;
    if (this.t[this.i] === "0") this.i++;
    else this.digits();
    if (this.t[this.i] === ".") {
      this.i++;
      this.digits();
    }
    if (this.t[this.i] === "e" || this.t[this.i] === "E") {
      this.i++;
      if (this.t[this.i] === "+" || this.t[this.i] === "-") this.i++;
      this.digits();
    }
  }

  /** One or more digits. */
  digits(): void {
    const start = this.i;
    while (this.i < this.t.length && this.t[this.i]! >= "0" && this.t[this.i]! <= "9") this.i++;
    if (this.i === start) this.fail();
  }
}

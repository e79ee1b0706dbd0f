/**
 * Where JSON text first goes wrong, as a line and column a person can find, with what was expected there.
 * JSON.parse only says that the text is not valid (and, depending on the Node.js version, not where), so
 * this walks the text itself. Pure; null when the text is valid JSON.
 */
export type JsonSyntaxError = { line: number; column: number; message: string };

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const describe = (at: number) => (at >= text.length ? "the end of the text" : `“${text[at]}”`);
  const fail = (expected: string, at = i): never => {
    throw new Stop(at, `expected ${expected} but found ${describe(at)}`);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("a value (text in double quotes, a number, an object, a list, true, false or null)");
  };
  const string = () => {
    if (text[i] !== '"') fail("text in double quotes");
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail("the text to be closed with a double quote on the same line");
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("four hexadecimal digits after \\u", i + 1);
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail('a valid escape (\\", \\\\, \\n…) after the backslash');
      }
      i++;
    }
    if (i >= text.length) fail("a closing double quote");
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === "-") fail("a number");
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    fail("a value (text in double quotes, a number, an object, a list, true, false or null)");
  };
  const object = () => {
    i++;
    space();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] !== '"')
        fail(text[i] === "}" ? "another field (remove the comma before “}”)" : "a field name in double quotes");
      string();
      space();
      if (text[i] !== ":") fail("a colon after the field name");
      i++;
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fail("a comma or “}”");
    }
  };
  const array = () => {
    i++;
    space();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] === "]") fail("another item (remove the comma before “]”)");
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fail("a comma or “]”");
    }
  };

  try {
    value();
    space();
    if (i < text.length) fail("nothing more after the end of the value");
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.at);
    const lines = before.split(/\r\n|\r|\n/);
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1, message: error.message };
  }
}

/**
 * Text from the user (a jurisdiction name, a file name) echoed in a message: control characters and
 * terminal escape sequences are shown as \u escapes, so nothing a request contains can move the
 * cursor, recolour or retitle the user's terminal.
 */
export function safeText(s: string): string {
  // C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides.
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

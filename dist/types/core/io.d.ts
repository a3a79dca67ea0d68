/** Environment variables, as `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;
/** Where text for people goes: `process.stdout`, `process.stderr`, or a test's fake. */
export interface TextSink {
    /** Text, or its UTF-8 bytes (the live view writes large output as bytes). */
    write(chunk: string | Uint8Array): unknown;
    /** True on a terminal; decides colour and live redraws. */
    readonly isTTY?: boolean | undefined;
}

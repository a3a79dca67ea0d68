/** Environment variables, as `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;
/** Where text for people goes: `process.stdout`, `process.stderr`, or a test's fake. */
export interface TextSink {
    write(chunk: string): unknown;
    /** True on a terminal; decides colour and live redraws. */
    readonly isTTY?: boolean | undefined;
}

import { allValues, enabled, hasOption, lastValue, parseArgs } from "../grammar/parse.js";
import { CURL, HTTPIE, HTTPIE_READ_ITEM, WGET } from "./http-syntax.js";
import { stdinIsFed } from "../stdin.js";
import { code, destructive, type Hit, modifying, readOnly, type ToolFamily } from "../hit.js";
import { isSink, isSystemPath } from "../paths.js";

const BODY_LONG = [
  "data",
  "data-raw",
  "data-binary",
  "data-urlencode",
  "data-ascii",
  "form",
  "form-string",
  "json",
  "upload-file",
  "post301",
  "post302",
];

/** Level of an HTTP method sent to an API: GET/HEAD/OPTIONS read, DELETE destroys, others change. */
function byMethod(tool: string, method: string): Hit {
  const m = method.toUpperCase();
  if (m === "GET" || m === "HEAD" || m === "OPTIONS" || m === "TRACE")
    return readOnly("http.get", `${code(tool)} ${m} only reads`);
  if (m === "DELETE" || m === "PURGE")
    return destructive("http.delete", `${code(tool, "-X", m)} deletes a remote resource`);
  return modifying(
    "http.write",
    `${code(tool, "-X", m)} sends data that changes a remote resource`,
  );
}

/** Saving a response: into a system path it overwrites system files, elsewhere it writes a file. */
function download(tool: string, target: string | undefined): Hit {
  if (target !== undefined && isSystemPath(target))
    return destructive("http.download-system", `${code(tool, target)} overwrites a system file`);
  return modifying("http.download", `${code(tool)} writes the response to a file`);
}

const BODY = [...BODY_LONG, "d", "F", "T"];
const CURL_WRITES = [
  "output",
  "output-dir",
  "remote-name",
  "remote-name-all",
  "remote-header-name",
  "cookie-jar",
  "dump-header",
  "trace",
  "trace-ascii",
  "stderr",
  "libcurl",
  "etag-save",
  "hsts",
  "create-dirs",
  "xattr",
];

const curl: ToolFamily = {
  names: ["curl"],
  rule: ({ args }) => {
    const parsed = parseArgs(args, CURL);
    const explicit = lastValue(parsed, "request");
    const body = BODY.some((o) => hasOption(parsed, o)) && !hasOption(parsed, "get");
    const head = hasOption(parsed, "head");
    const hits: Hit[] = [byMethod("curl", explicit ?? (body ? "POST" : head ? "HEAD" : "GET"))];
    const output = lastValue(parsed, "output");
    const writeOut = allValues(parsed, "write-out").some((w) => w.includes("%output{"));
    if (
      (output !== undefined && !isSink(output)) ||
      CURL_WRITES.some((o) => o !== "output" && hasOption(parsed, o)) ||
      writeOut
    )
      hits.push(download("curl -o", output));
    return hits;
  },
  syntax: { curl: CURL },
};

const wget: ToolFamily = {
  names: ["wget", "wget2"],
  syntax: { wget: WGET },
  rule: ({ args }) => {
    const parsed = parseArgs(args, WGET);
    const body = ["post-data", "post-file", "body-data", "body-file"].some((o) =>
      hasOption(parsed, o),
    );
    const hits: Hit[] = [byMethod("wget", lastValue(parsed, "method") ?? (body ? "POST" : "GET"))];
    const output = lastValue(parsed, "output-document");
    const toStdout = output !== undefined && isSink(output);
    if (!toStdout && !enabled(parsed, "spider")) hits.push(download("wget", output));
    return hits;
  },
};

/**
 * HTTPie and xh: `http [METHOD] URL [ITEM…]`. A first operand that is not a word is the URL
 * (HTTPie then reads the next one as an item). Without a method HTTPie guesses: POST when
 * there is a body item or stdin is not a terminal (a runbook step's stdin is `/dev/null`, so
 * `http URL` sends an empty POST there) unless `--ignore-stdin`. Only items known to shape a
 * read ({@link HTTPIE_READ_ITEM}) keep a GET a read.
 */
const httpie: ToolFamily = {
  names: ["http", "https", "xh", "xhs"],
  syntax: { http: HTTPIE, https: HTTPIE },
  rule: ({ name, args, command, stdinText }) => {
    const parsed = parseArgs(args, HTTPIE);
    const [first = "", ...rest] = parsed.operands;
    const explicit = /^[A-Za-z]+$/.test(first) && rest.length > 0 ? first : undefined;
    const items = explicit === undefined ? rest : rest.slice(1);
    const body = items.filter((item) => !HTTPIE_READ_ITEM.test(item));
    const stdin = !enabled(parsed, "ignore-stdin");
    const method = explicit ?? (body.length > 0 || stdin ? "POST" : "GET");
    const hits: Hit[] = [byMethod(name, method)];
    if (body.length > 0)
      hits.push(
        modifying(
          "http.body",
          `${code(name, body[0])} is a request item that sends data or a file, not a read`,
        ),
      );
    if (stdin && stdinIsFed({ stdinText, command }))
      hits.push(modifying("http.body", `${code(name)} sends its stdin as the request body`));
    if (hasOption(parsed, "download") || hasOption(parsed, "output"))
      hits.push(
        modifying("http.download", `${code(name, "--download")} writes the response to a file`),
      );
    return hits;
  },
};

/** HTTP clients. */
export const httpFamilies: readonly ToolFamily[] = [curl, wget, httpie];

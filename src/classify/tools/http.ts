import { hasAny, hasLong, hasShort, optionValue } from "../args.js";
import { allValues, hasOption, lastValue, parseArgs } from "../grammar/parse.js";
import { CURL } from "./http-syntax.js";
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
  rule: ({ args }) => {
    const method =
      optionValue(args, "", ["method"]) ??
      (hasLong(args, ["post-data", "post-file", "body-data", "body-file"]) ? "POST" : "GET");
    const hits: Hit[] = [byMethod("wget", method)];
    const output = optionValue(args, "O", ["output-document"], true);
    const toStdout = output !== undefined && isSink(output);
    if (!toStdout && !hasLong(args, ["spider"])) hits.push(download("wget", output));
    return hits;
  },
};

/** HTTPie and xh: `http [METHOD] URL [items]`; `key=value` items imply POST. */
const httpie: ToolFamily = {
  names: ["http", "https", "xh", "xhs"],
  rule: ({ name, args }) => {
    const words = args.filter((a) => !a.startsWith("-"));
    const first = words[0] ?? "";
    const method =
      /^[A-Za-z]+$/.test(first) && words.length > 1
        ? first
        : words.slice(1).some((w) => /^[^=:]+(=|:=|@)/.test(w)) || hasAny(args, ["--form", "-f"])
          ? "POST"
          : "GET";
    const hits: Hit[] = [byMethod(name, method)];
    if (hasShort(args, "do") || hasLong(args, ["download", "output"]))
      hits.push(
        modifying("http.download", `${code(name, "--download")} writes the response to a file`),
      );
    return hits;
  },
};

/** HTTP clients. */
export const httpFamilies: readonly ToolFamily[] = [curl, wget, httpie];

import { helpText, parseHelp } from "./__tests__/classify/grammar/help-options.js";
for (const tool of process.argv.slice(2)) {
  const [name, ...sub] = tool.split(":");
  const text = helpText(name!, sub.length ? sub : ["--help"]) ?? "";
  const opts = parseHelp(text).map(o => o.names.join(",") + (o.arity === "required" ? "=" : o.arity === "optional" ? "[=]" : ""));
  console.log(`${tool}: "${opts.join(" ")}"`);
}

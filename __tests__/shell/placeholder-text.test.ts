import { describe, expect, it } from "vitest";
import { findPlaceholders } from "../../src/shell/placeholder-text.js";

const texts = (script: string): string[] => findPlaceholders(script).map((p) => p.text);

describe("findPlaceholders", () => {
  it.each([
    ["ssh <HOST> uptime", ["<HOST>"]],
    ["kubectl -n <your namespace> get pods", ["<your namespace>"]],
    ["export TOKEN=YOUR_API_TOKEN", ["YOUR_API_TOKEN"]],
    ["gcloud config set project your-project-id", ["your-project-id"]],
    ["curl -u admin:CHANGEME https://x", ["CHANGEME"]],
    ["curl -u admin:change_me https://x", ["change_me"]],
    ["helm upgrade web . --set tag={{ tag }}", ["{{ tag }}"]],
    ["ping <your-domain-name>", ["<your-domain-name>"]],
    ["cut -f1 <cut-file>", ["<cut-file>"]],
    ["kubectl logs <snippet-pod>", ["<snippet-pod>"]],
  ])("finds the placeholder in `%s`", (script, expected) => {
    expect(texts(script)).toEqual(expected);
  });

  it.each([
    "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'",
    "docker inspect --format '{{ .State.Status }}' web",
    "echo '<html><body>ok</body></html>' > index.html",
    "# replace <HOST> before running",
    "cat <<EOF > /tmp/x",
    "diff <(sort a) <(sort b)",
    "yourself=1; echo $yourself",
    "ls -lt /var/log/app\n<snip>\nzgrep x /var/log/app/1.gz",
    "kubectl get pods\n<SNIP>",
    "<output omitted>",
    "<Snipped>",
    "<truncated>",
  ])("finds none in `%s`", (script) => {
    expect(texts(script)).toEqual([]);
  });

  it("reports 1-based positions within the script", () => {
    expect(findPlaceholders("echo ok\n  scp f <HOST>:/tmp")).toEqual([
      { text: "<HOST>", line: 2, column: 9 },
    ]);
  });
});

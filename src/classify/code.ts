import { code, destructive, type Hit, modifying, unknown } from "./hit.js";
import { anyOf, type Detector, leadThen, matching } from "./linear-match.js";
import { stringLiterals } from "./string-literals.js";

/** Languages whose code the rules scan for well-known dangerous calls (not a full analysis). */
export const CODE_LANGUAGES = [
  "python",
  "javascript",
  "ruby",
  "perl",
  "php",
  "powershell",
  "cmd",
] as const;
/** A language {@link scanCode} knows. */
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

interface LanguageRules {
  /** Calls that delete files or data. */
  readonly destroys: Detector;
  /** Calls that write files, send requests or change processes. */
  readonly changes: Detector;
  /** Calls that run shell commands; their string literals are classified as shell. */
  readonly spawns: Detector | undefined;
}

// Every pattern here runs over untrusted scripts, so each is linear: no unbounded span before a
// literal that may be missing (`open\s*\([^)]*'w` is quadratic on `open(open(…`); those are
// written with `leadThen` instead (see linear-match.ts).
const RULES: Readonly<Record<CodeLanguage, LanguageRules>> = {
  python: {
    destroys: matching(
      /\b(shutil\.rmtree|os\.(remove|unlink|rmdir|removedirs)|\.unlink\s*\(|\.rmdir\s*\(|rmtree\s*\(|send2trash|\.drop_database|\.drop_collection|\.delete_many|\.flushall|\.flushdb)/,
    ),
    changes: anyOf(
      // `open(…, 'w')`: a write mode after a comma, before the call's `)`.
      leadThen(/\bopen\s*\(/g, ")", /,\s*['"][wax+]/g),
      matching(
        /\b(\.write_(text|bytes)|os\.(rename|replace|makedirs|mkdir|chmod|chown|kill|truncate|symlink|link)|shutil\.(move|copy\w*)|requests\.(post|put|patch|delete)|urlopen|boto3|\.execute\s*\(|\.commit\s*\(|\.insert_\w+|\.update_\w+|\.delete\w*\s*\(|\.put\w*\s*\(|\.write\s*\()/,
      ),
    ),
    spawns: matching(
      /\b(os\.(system|popen|exec\w*|spawn\w*)|subprocess\.|pty\.spawn|commands\.getoutput)/,
    ),
  },
  javascript: {
    destroys: matching(
      /(\bfs(\.promises)?\.(rm|rmdir|unlink)\b|\.(rmSync|rmdirSync|unlinkSync)\b|\brimraf|fs-extra|\.remove(Sync)?\s*\(|\.dropDatabase|\.drop\s*\(|\.deleteMany|\.flushall)/,
    ),
    changes: matching(
      /\b(fs(\.promises)?\.(writeFile\w*|appendFile\w*|mkdir\w*|rename\w*|copyFile\w*|chmod\w*|chown\w*|truncate\w*|symlink\w*|createWriteStream)|method\s*:\s*['"](POST|PUT|PATCH|DELETE)|process\.kill|\.insert\w*\s*\(|\.update\w*\s*\(|\.delete\w*\s*\()/i,
    ),
    spawns: matching(
      /\b(child_process|execSync|spawnSync|execFileSync|exec\s*\(|spawn\s*\(|execFile\s*\(|Deno\.(run|Command)|Bun\.spawn|\$`)/,
    ),
  },
  ruby: {
    destroys: matching(
      /\b(FileUtils\.(rm\w*|remove\w*)|File\.(delete|unlink)|Dir\.(delete|rmdir|unlink)|\.destroy_all|\.delete_all|\.drop_table)/,
    ),
    changes: anyOf(
      // `File.open(…, 'w')`: a quoted write mode before the call's `)`.
      leadThen(/\bFile\.open\s*\(/g, ")", /['"][wa]/g),
      matching(
        /\b(File\.write|FileUtils\.(mv|cp\w*|mkdir\w*|touch|chmod\w*|chown\w*|ln\w*)|Net::HTTP::(Post|Put|Patch|Delete)|\.save!?|\.update\w*|\.create\w*)/,
      ),
    ),
    spawns: matching(/(\bsystem\s*\(?|`|%x|\bexec\s*\(?|IO\.popen|Open3|\bspawn\s*\()/),
  },
  perl: {
    destroys: matching(/\b(unlink|rmtree|remove_tree|rmdir)\b/),
    changes: anyOf(
      // `open(FH, "> file")`: a quoted write mode before the statement's `;`.
      leadThen(/\bopen/g, ";", /['"]\s*(>|\+<|>>)/g),
      matching(
        /(\b(rename|mkdir|chmod|chown|symlink|link|truncate)\b|\bopen\s*\(?\s*\w+\s*,\s*['"]?[>+])/,
      ),
    ),
    spawns: anyOf(
      matching(/(\bsystem\b|`|\bqx\b|\bexec\b)/),
      // `open(FH, "cmd |")`: a pipe before the call's `)`.
      leadThen(/\bopen\s*\(/g, ")", /\|/g),
    ),
  },
  php: {
    destroys: matching(/\b(unlink|rmdir|array_map\s*\(\s*['"]unlink)\s*\(/),
    changes: anyOf(
      // `fopen($f, 'w')`: a quoted write mode before the call's `)`.
      leadThen(/\bfopen\s*\(/g, ")", /['"][waxc]/g),
      matching(/\b(file_put_contents|rename|mkdir|chmod|chown|copy|touch|symlink)\s*\(/),
    ),
    spawns: matching(/(\b(shell_exec|exec|system|passthru|proc_open|popen|pcntl_exec)\s*\(|`)/),
  },
  powershell: {
    destroys: matching(
      /\b(Remove-\w+|Clear-(Content|Disk|RecycleBin|Item)|Format-Volume|Stop-Computer|Restart-Computer|Uninstall-\w+|Reset-\w+)\b|(^|[;|\s])(rm|del|rmdir|rd|erase|ri)\s/im,
    ),
    changes: matching(
      /\b(Set-\w+|New-\w+|Start-\w+|Stop-\w+|Restart-\w+|Add-\w+|Move-\w+|Copy-\w+|Rename-\w+|Install-\w+|Enable-\w+|Disable-\w+|Update-\w+|Out-File|Export-\w+|Invoke-(WebRequest|RestMethod|Command|Expression|Sqlcmd)|Register-\w+|Unregister-\w+)\b|>/i,
    ),
    spawns: matching(/\b(Start-Process|Invoke-Expression|iex|cmd(\.exe)?\s+\/c|bash\s+-c)\b/i),
  },
  cmd: {
    destroys: matching(
      /(^|[&|\s])(del|erase|rd|rmdir|format|diskpart|cipher\s+\/w|vssadmin\s+delete)\b/im,
    ),
    changes: matching(
      /(^|[&|\s])(copy|xcopy|robocopy|move|ren|rename|mkdir|md|reg\s+(add|delete|import)|sc\s+(stop|start|config|delete)|net\s+(stop|start|user)|taskkill|shutdown|schtasks|icacls|takeown|setx|mklink)\b|>/im,
    ),
    spawns: undefined,
  },
};

const LIST = /\[([^\][]*)\]/g;

/** String literals in `text`, plus each `[…]` list of literals joined with spaces (`["rm", "-rf", "/"]`). */
function shellCandidates(text: string): string[] {
  const out = stringLiterals(text).map((literal) => literal.value);
  for (const m of text.matchAll(LIST)) {
    const items = stringLiterals(m[1] ?? "").map((l) => (l.quote === "`" ? "" : l.value));
    if (items.length > 1) out.push(items.join(" "));
  }
  return out.filter((s) => /[a-z]/i.test(s));
}

/**
 * Scan code for well-known dangerous calls. Positive matches are proven (they set the floor);
 * otherwise the code is unknown: the rules never call code `read_only`.
 */
export function scanCode(
  language: CodeLanguage,
  text: string,
  runner: string,
  shell: (script: string) => readonly Hit[],
): Hit[] {
  const rules = RULES[language];
  const hits: Hit[] = [];
  const destroys = rules.destroys(text);
  if (destroys !== undefined)
    hits.push(
      destructive(
        `code.${language}-delete`,
        `${code(runner)} code calls ${code(destroys.trim())}, which deletes data`,
      ),
    );
  if (rules.spawns?.(text) !== undefined) {
    for (const candidate of shellCandidates(text)) {
      for (const hit of shell(candidate))
        if (hit.proven && hit.risk !== "read_only")
          hits.push({
            ...hit,
            message: `${code(runner)} code runs a shell command: ${hit.message}`,
          });
    }
    hits.push(modifying(`code.${language}-spawn`, `${code(runner)} code runs other programs`));
  }
  const changes = rules.changes(text);
  if (changes !== undefined)
    hits.push(
      modifying(
        `code.${language}-write`,
        `${code(runner)} code calls ${code(changes.trim())}, which changes state`,
      ),
    );
  if (hits.length === 0)
    hits.push(unknown(`code.${language}`, `${code(runner)} code is not analysed by the rules`));
  return hits;
}

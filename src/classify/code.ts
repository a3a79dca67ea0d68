import { code, destructive, type Hit, modifying, unknown } from "./hit.js";

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
  readonly destroys: RegExp;
  /** Calls that write files, send requests or change processes. */
  readonly changes: RegExp;
  /** Calls that run shell commands; their string literals are classified as shell. */
  readonly spawns: RegExp | undefined;
}

const RULES: Readonly<Record<CodeLanguage, LanguageRules>> = {
  python: {
    destroys:
      /\b(shutil\.rmtree|os\.(remove|unlink|rmdir|removedirs)|\.unlink\s*\(|\.rmdir\s*\(|rmtree\s*\(|send2trash|\.drop_database|\.drop_collection|\.delete_many|\.flushall|\.flushdb)/,
    changes:
      /\b(open\s*\([^)]*,\s*['"][wax+]|\.write_(text|bytes)|os\.(rename|replace|makedirs|mkdir|chmod|chown|kill|truncate|symlink|link)|shutil\.(move|copy\w*)|requests\.(post|put|patch|delete)|urlopen|boto3|\.execute\s*\(|\.commit\s*\(|\.insert_\w+|\.update_\w+|\.delete\w*\s*\(|\.put\w*\s*\(|\.write\s*\()/,
    spawns: /\b(os\.(system|popen|exec\w*|spawn\w*)|subprocess\.|pty\.spawn|commands\.getoutput)/,
  },
  javascript: {
    destroys:
      /(\bfs(\.promises)?\.(rm|rmdir|unlink)\b|\.(rmSync|rmdirSync|unlinkSync)\b|\brimraf|fs-extra|\.remove(Sync)?\s*\(|\.dropDatabase|\.drop\s*\(|\.deleteMany|\.flushall)/,
    changes:
      /\b(fs(\.promises)?\.(writeFile\w*|appendFile\w*|mkdir\w*|rename\w*|copyFile\w*|chmod\w*|chown\w*|truncate\w*|symlink\w*|createWriteStream)|method\s*:\s*['"](POST|PUT|PATCH|DELETE)|process\.kill|\.insert\w*\s*\(|\.update\w*\s*\(|\.delete\w*\s*\()/i,
    spawns:
      /\b(child_process|execSync|spawnSync|execFileSync|exec\s*\(|spawn\s*\(|execFile\s*\(|Deno\.(run|Command)|Bun\.spawn|\$`)/,
  },
  ruby: {
    destroys:
      /\b(FileUtils\.(rm\w*|remove\w*)|File\.(delete|unlink)|Dir\.(delete|rmdir|unlink)|\.destroy_all|\.delete_all|\.drop_table)/,
    changes:
      /\b(File\.(write|open\s*\([^)]*['"][wa])|FileUtils\.(mv|cp\w*|mkdir\w*|touch|chmod\w*|chown\w*|ln\w*)|Net::HTTP::(Post|Put|Patch|Delete)|\.save!?|\.update\w*|\.create\w*)/,
    spawns: /(\bsystem\s*\(?|`|%x|\bexec\s*\(?|IO\.popen|Open3|\bspawn\s*\()/,
  },
  perl: {
    destroys: /\b(unlink|rmtree|remove_tree|rmdir)\b/,
    changes:
      /(\bopen\s*\(?[^;]*['"]\s*(>|\+<|>>)|\b(rename|mkdir|chmod|chown|symlink|link|truncate)\b|\bopen\s*\(?\s*\w+\s*,\s*['"]?[>+])/,
    spawns: /(\bsystem\b|`|\bqx\b|\bexec\b|\bopen\s*\([^)]*\|)/,
  },
  php: {
    destroys: /\b(unlink|rmdir|array_map\s*\(\s*['"]unlink)\s*\(/,
    changes:
      /\b(file_put_contents|fopen\s*\([^)]*['"][waxc]|rename|mkdir|chmod|chown|copy|touch|symlink)\s*\(/,
    spawns: /(\b(shell_exec|exec|system|passthru|proc_open|popen|pcntl_exec)\s*\(|`)/,
  },
  powershell: {
    destroys:
      /\b(Remove-\w+|Clear-(Content|Disk|RecycleBin|Item)|Format-Volume|Stop-Computer|Restart-Computer|Uninstall-\w+|Reset-\w+)\b|(^|[;|\s])(rm|del|rmdir|rd|erase|ri)\s/im,
    changes:
      /\b(Set-\w+|New-\w+|Start-\w+|Stop-\w+|Restart-\w+|Add-\w+|Move-\w+|Copy-\w+|Rename-\w+|Install-\w+|Enable-\w+|Disable-\w+|Update-\w+|Out-File|Export-\w+|Invoke-(WebRequest|RestMethod|Command|Expression|Sqlcmd)|Register-\w+|Unregister-\w+)\b|>/i,
    spawns: /\b(Start-Process|Invoke-Expression|iex|cmd(\.exe)?\s+\/c|bash\s+-c)\b/i,
  },
  cmd: {
    destroys: /(^|[&|\s])(del|erase|rd|rmdir|format|diskpart|cipher\s+\/w|vssadmin\s+delete)\b/im,
    changes:
      /(^|[&|\s])(copy|xcopy|robocopy|move|ren|rename|mkdir|md|reg\s+(add|delete|import)|sc\s+(stop|start|config|delete)|net\s+(stop|start|user)|taskkill|shutdown|schtasks|icacls|takeown|setx|mklink)\b|>/im,
    spawns: undefined,
  },
};

const LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g;
const LIST = /\[([^\][]*)\]/g;

/** String literals in `text`, plus each `[…]` list of literals joined with spaces (`["rm", "-rf", "/"]`). */
function shellCandidates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LITERAL)) out.push(m[1] ?? m[2] ?? m[3] ?? "");
  for (const m of text.matchAll(LIST)) {
    const items = [...(m[1] ?? "").matchAll(LITERAL)].map((l) => l[1] ?? l[2] ?? "");
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
  const destroys = rules.destroys.exec(text);
  if (destroys !== null)
    hits.push(
      destructive(
        `code.${language}-delete`,
        `${code(runner)} code calls ${code(destroys[0].trim())}, which deletes data`,
      ),
    );
  if (rules.spawns?.test(text) === true) {
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
  const changes = rules.changes.exec(text);
  if (changes !== null)
    hits.push(
      modifying(
        `code.${language}-write`,
        `${code(runner)} code calls ${code(changes[0].trim())}, which changes state`,
      ),
    );
  if (hits.length === 0)
    hits.push(unknown(`code.${language}`, `${code(runner)} code is not analysed by the rules`));
  return hits;
}

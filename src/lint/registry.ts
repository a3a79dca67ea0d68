import { noCommand } from "./rules/RB001-no-command.js";
import { fenceAtMargin } from "./rules/RB002-fence-at-margin.js";
import { indentedCode } from "./rules/RB003-indented-code.js";
import { emptyFence } from "./rules/RB004-empty-fence.js";
import { fenceLanguage } from "./rules/RB005-fence-language.js";
import { commandInText } from "./rules/RB006-command-in-text.js";
import { listInBullet } from "./rules/RB007-list-in-bullet.js";
import { fenceAttributeInvalid } from "./rules/RB008-fence-attribute-invalid.js";
import { fenceAttributeUnknown } from "./rules/RB009-fence-attribute-unknown.js";
import { frontMatter } from "./rules/RB010-front-matter.js";
import { shellSyntax } from "./rules/RB011-shell-syntax.js";
import { interactiveCommand } from "./rules/RB012-interactive-command.js";
import { placeholder } from "./rules/RB013-placeholder.js";
import { pipeToShell } from "./rules/RB014-pipe-to-shell.js";
import { rmEmptyVariable } from "./rules/RB015-rm-empty-variable.js";
import { unmarkedDestructive } from "./rules/RB016-unmarked-destructive.js";
import { annotationIgnored } from "./rules/RB017-annotation-ignored.js";
import { promptInScript } from "./rules/RB018-prompt-in-script.js";
import { parameterDeclaration } from "./rules/RB019-parameter-declaration.js";
import { ambiguousPrompt } from "./rules/RB020-ambiguous-prompt.js";
import { fencesOutsideSteps } from "./rules/RB021-fences-outside-steps.js";
import { inputLimit } from "./rules/RB022-input-limit.js";
import { bashInSh } from "./rules/RB023-bash-in-sh.js";
import { unclosedFence } from "./rules/RB024-unclosed-fence.js";
import { auditKeyInStep } from "./rules/RB025-audit-key-in-step.js";
import type { LintRule } from "./types.js";

/** Every lint rule, ordered by id. Ids are never reused; aliases are stable. */
export const ALL_RULES: readonly LintRule[] = [
  noCommand,
  fenceAtMargin,
  indentedCode,
  emptyFence,
  fenceLanguage,
  commandInText,
  listInBullet,
  fenceAttributeInvalid,
  fenceAttributeUnknown,
  frontMatter,
  shellSyntax,
  interactiveCommand,
  placeholder,
  pipeToShell,
  rmEmptyVariable,
  unmarkedDestructive,
  annotationIgnored,
  promptInScript,
  parameterDeclaration,
  ambiguousPrompt,
  fencesOutsideSteps,
  inputLimit,
  bashInSh,
  unclosedFence,
  auditKeyInStep,
];

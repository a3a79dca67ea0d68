import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * Chef's knife for the subcommands that only read (knife/lib/chef/application/knife.rb and
 * the subcommands' own files; chef-vault's `knife vault show`): Ruby's OptionParser through
 * mixlib-cli, so options may follow operands, long options may be abbreviated and any switch
 * may be written `--no-…`. `!` marks what loads another configuration (`-c`, `--config-option`,
 * both Ruby the rules cannot see) or names an editor. `knife ssh` is read by the shell's
 * wrapper table (the command it runs on each node); any other subcommand, plugins included,
 * is never a proven read.
 */

const COMMON =
  "!c,config= !config-option= V,verbose color E,environment= !e,editor= d,disable-editing h,help u,user= k,key= s,server-url= y,yes defaults print-after F,format=summary|text|json|yaml|pp z,local-mode chef-zero-host= chef-zero-port= listen v,version fips profile=";

const verb = (spec: string, maxOperands: number): Syntax =>
  syntax(spec, { inherit: true, negatable: true, maxOperands });
const group = (subcommands: Record<string, Syntax>): Syntax =>
  syntax("", { inherit: true, negatable: true, subcommands });

/** Node views: attributes to show, run list only, long or medium output. */
const NODE_VIEW = "a,attribute= r,run-list l,long m,medium";

/** knife from the word after the name. */
export const KNIFE: Syntax = syntax(COMMON, {
  negatable: true,
  subcommands: {
    search: verb(`${NODE_VIEW} b,start= R,rows= i,id-only q,query= f,filter-result=`, 2),
    node: group({ show: verb(NODE_VIEW, 1), list: verb("w,with-uri", 0) }),
    role: group({ show: verb("a,attribute=", 1), list: verb("w,with-uri", 0) }),
    environment: group({ show: verb("a,attribute=", 1), list: verb("w,with-uri", 0) }),
    vault: group({ show: verb("M,mode=solo|client p,print=search|admins|clients|all", 3) }),
  },
});

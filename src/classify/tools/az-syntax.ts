import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * The Azure CLI's (2.x) options as the rules hold a read to them: the global arguments (`az
 * --help`: `--debug --verbose --only-show-errors -o/--output --query --subscription -h`) and
 * the arguments the list/show commands share to name, scope and filter what they read. The
 * command path (`vm list`) is the operands, always lower-case words. Python's argparse would
 * accept any unique prefix (`--resource-gr`), but the rules cannot know every command's full
 * argument list, so a prefix could stand for an argument missing here: only full names count.
 * `!` marks arguments that write a local file or read one into the request; every argument
 * not listed is not a proven read either.
 */
export const AZ: Syntax = syntax(
  [
    // global
    "debug verbose only-show-errors h,help o,output=json|jsonc|yaml|yamlc|table|tsv|none query= subscription=",
    // what a read names
    "g,resource-group= n,name= ids= l,location= resource-type= namespace= parent= resource= resource-id= scope= assignee= role= id= object-id= upn= display-name= app-id= spn= group= tag=",
    "vm-name= account-name= container-name= vault-name= server= server-name= cluster-name= workspace-name= registry= repository= image= plan= nsg-name= vnet-name= zone-name= namespace-name= topic-name= queue-name= share-name= publisher= offer= sku=",
    // how it filters and pages
    "all d,show-details expand= filter= top= prefix= num-results= marker= max-items= next-token= auth-mode=login|key account-key= connection-string= sas-token= api-version=",
    // monitor reads
    "start-time= end-time= interval= metric= metrics= aggregation= offset= workspace= analytics-query= timespan=",
    // local files
    "!file= !out-file= !output-file= !destination= !path= !output-folder= !output-directory= !local-path=",
  ].join(" "),
  { abbreviate: false, operands: /^[a-z][a-z0-9-]*$/ },
);

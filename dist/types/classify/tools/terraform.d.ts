import { type ToolFamily } from "../hit.js";
/** Terraform, OpenTofu, Terragrunt and cdktf. */
export declare const terraformFamilies: readonly ToolFamily[];

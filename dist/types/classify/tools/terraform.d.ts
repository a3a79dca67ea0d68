import { type ToolFamily } from "../hit.js";
/** Terraform, OpenTofu, Terragrunt and Pulumi. */
export declare const terraformFamilies: readonly ToolFamily[];

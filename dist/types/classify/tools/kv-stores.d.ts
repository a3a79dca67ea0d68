import { type ToolFamily } from "../hit.js";
/** Vault, Consul, Nomad, etcd and sops. */
export declare const kvStoreFamilies: readonly ToolFamily[];

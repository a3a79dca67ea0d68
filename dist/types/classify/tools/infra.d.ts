import { type ToolFamily } from "../hit.js";
/** ceph, rados, virsh and yq. */
export declare const infraFamilies: readonly ToolFamily[];

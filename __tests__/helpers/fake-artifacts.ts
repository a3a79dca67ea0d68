import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** An artifact the fake received: its name and the bytes of the uploaded zip. */
export interface ReceivedArtifact {
  readonly name: string;
  readonly id: number;
  readonly zip: Buffer;
  /** `hash` from FinalizeArtifact: `sha256:<hex>`. */
  readonly hash: string;
}

export interface FakeArtifacts {
  /** `ACTIONS_RESULTS_URL`. */
  readonly url: string;
  /** `ACTIONS_RUNTIME_TOKEN`: a JWT whose `scp` claim names the run and job backends. */
  readonly runtimeToken: string;
  readonly artifacts: readonly ReceivedArtifact[];
  close(): Promise<void>;
}

const SERVICE = "/twirp/github.actions.results.api.v1.ArtifactService/";

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

/**
 * A `node:http` fake of the Actions Results service on 127.0.0.1, as `@actions/artifact` 6 speaks
 * to it: twirp `CreateArtifact` (answers a signed upload URL on this server), the Azure
 * block-blob `PUT`s (blocks, then the block list), and `FinalizeArtifact` (answers the id).
 */
export async function startFakeArtifacts(): Promise<FakeArtifacts> {
  const artifacts: ReceivedArtifact[] = [];
  const blocks = new Map<string, Buffer>();
  const pending = new Map<string, Buffer>();
  let base = "";
  const json = (res: ServerResponse, status: number, value: unknown): void => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", base);
    const data = await body(req);
    if (req.method === "POST" && url.pathname === `${SERVICE}CreateArtifact`) {
      const { name } = JSON.parse(data.toString("utf8")) as { name: string };
      json(res, 200, {
        ok: true,
        signed_upload_url: `${base}/blob/${encodeURIComponent(name)}?sig=x`,
      });
      return;
    }
    if (req.method === "PUT" && url.pathname.startsWith("/blob/")) {
      const name = decodeURIComponent(url.pathname.slice("/blob/".length));
      const comp = url.searchParams.get("comp");
      if (comp === "block") {
        blocks.set(`${name}/${url.searchParams.get("blockid") ?? ""}`, data);
      } else if (comp === "blocklist") {
        const ids = [...data.toString("utf8").matchAll(/<Latest>([^<]*)<\/Latest>/g)].map(
          (m) => m[1] ?? "",
        );
        pending.set(
          name,
          Buffer.concat(ids.map((id) => blocks.get(`${name}/${id}`) ?? Buffer.alloc(0))),
        );
      } else {
        pending.set(name, data);
      }
      res.writeHead(201, { etag: '"0x1"', "last-modified": new Date().toUTCString() });
      res.end();
      return;
    }
    if (req.method === "POST" && url.pathname === `${SERVICE}FinalizeArtifact`) {
      const { name, hash } = JSON.parse(data.toString("utf8")) as { name: string; hash?: string };
      const id = 9000 + artifacts.length;
      artifacts.push({ name, id, zip: pending.get(name) ?? Buffer.alloc(0), hash: hash ?? "" });
      json(res, 200, { ok: true, artifact_id: String(id) });
      return;
    }
    json(res, 404, { code: "not_found", msg: `no route ${req.method ?? ""} ${url.pathname}` });
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const claims = { scp: "Actions.ExampleScope Actions.Results:run-backend-1:job-backend-1" };
  // A signature of its own per service, so a test that looks for the token in other processes'
  // environments never finds another test's action starting up with the same value.
  const signature = randomBytes(16).toString("base64url");
  const runtimeToken = `${base64url('{"alg":"none","typ":"JWT"}')}.${base64url(JSON.stringify(claims))}.${signature}`;
  return {
    url: `${base}/`,
    runtimeToken,
    artifacts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

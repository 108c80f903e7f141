// What each command resource type supplies to the shared provider, and the context they share:
// the program's directory and the base environment the host passed in.
import type {
  CheckRequest,
  CheckResponse,
  CreateRequest,
  CreateResponse,
  DeleteRequest,
  DiffRequest,
  DiffResponse,
  ReadRequest,
  ReadResponse,
  UpdateRequest,
  UpdateResponse,
} from "@cairn/protocol";

export interface HandlerContext {
  /** The program's directory: relative paths resolve against it. */
  rootDirectory?: string;
  /** The base environment for commands (the host's environment); never process.env. */
  env: Record<string, string>;
}

export interface ResourceHandler {
  token: string;
  check(req: CheckRequest): CheckResponse;
  diff(req: DiffRequest): DiffResponse;
  create(req: CreateRequest, signal: AbortSignal): Promise<CreateResponse>;
  read(req: ReadRequest): Promise<ReadResponse>;
  update(req: UpdateRequest, signal: AbortSignal): Promise<UpdateResponse>;
  delete(req: DeleteRequest, signal: AbortSignal): Promise<void>;
}

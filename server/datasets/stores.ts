// Data stores: where datasets live (an S3-compatible endpoint, or a folder on the server).
// Registered by lab admins and directors; credentials encrypted at rest, never returned.
import { AppError } from "../errors";
import type { TCreateStoreInput, TDataStore, TUpdateStoreInput } from "./schemas";

const todo = () => new AppError("UNAVAILABLE", "Data stores are being built.");

export async function listStores(_args: { actorId: string }): Promise<TDataStore[]> {
  throw todo();
}
export async function createStore(_args: { actorId: string } & TCreateStoreInput): Promise<TDataStore> {
  throw todo();
}
export async function updateStore(_args: { actorId: string } & TUpdateStoreInput): Promise<TDataStore> {
  throw todo();
}
export async function deleteStore(_args: { actorId: string; id: string }): Promise<void> {
  throw todo();
}
export async function testStore(_args: { actorId: string; id: string; testBucket?: string }): Promise<{ ok: boolean; message: string }> {
  throw todo();
}

import sodiumModule from "libsodium-wrappers-sumo";

export type Sodium = typeof sodiumModule;

/** libsodium, initialised once. */
export async function getSodium(): Promise<Sodium> {
  await sodiumModule.ready;
  return sodiumModule;
}

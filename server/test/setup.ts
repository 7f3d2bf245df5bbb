// Tests run in UTC and may not reach the network: only loopback connections are allowed.
import net from "node:net";

process.env.TZ = "UTC";

const LOOPBACK = /^(127\.|::1$|localhost$|::ffff:127\.)/;
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string | undefined;
  const host =
    typeof first === "object" && first !== null ? first.host : typeof args[1] === "string" ? args[1] : undefined;
  const isSocketPath = typeof first === "object" && first !== null && typeof first.path === "string";
  if (!isSocketPath && host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`Tests may not reach the network (tried ${host}).`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

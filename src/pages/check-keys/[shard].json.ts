import type { APIRoute, GetStaticPaths } from "astro";
import { keyShard } from "../../lib/keys/keyInput";
import { keyRecords, type KeyRecord } from "../../lib/keys/keyRecords";
import { getFamilies } from "../../site/families";

/**
 * The listed keys by their first character, as far as the checker shows a listed key: what
 * `/check/?key=…` fetches for a key written exactly (keyShard), instead of all of keys.json.
 */
export const getStaticPaths = (async () => {
  const shards = new Map<string, KeyRecord[]>();
  for (const record of keyRecords(await getFamilies())) {
    const shard = keyShard(record.key) ?? "";
    shards.set(shard, [...(shards.get(shard) ?? []), record]);
  }
  return [...shards].map(([shard, records]) => ({
    params: { shard },
    props: {
      keys: records.map(({ key, names, path, keyKind, command }) => ({
        key,
        names,
        path,
        keyKind,
        command,
      })),
    },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify({ keys: (props as { keys: unknown[] }).keys }), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });

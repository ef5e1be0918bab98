// The comment remote's pre-receive hook, run by git (through hooks/pre-receive) for every push to
// a comment repository: reads `<old> <new> <ref>` lines, judges the push, and on refusal prints
// one line (the pusher sees it as `remote: ...`) and exits 1 so git takes nothing.
//
// The pusher is the moderator when the server set REMOTE_USER: it does so only after checking
// the moderator's credentials, and never passes on a name a client sent.
import { judgePush, parseRefUpdates } from './judge-push.ts';
import { openObjectReader } from './object-reader.ts';

async function main(): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const updates = parseRefUpdates(Buffer.concat(chunks).toString('latin1'));
  const cwd = process.cwd();
  const env = process.env;
  const objects = openObjectReader(cwd, env);
  try {
    const refusal = await judgePush(updates, { role: env.REMOTE_USER ? 'moderator' : 'reader', cwd, env, objects });
    if (refusal === undefined) return 0;
    process.stderr.write(`Push refused: ${refusal}\n`);
    return 1;
  } catch (error) {
    process.stderr.write(`Push refused: the comment remote could not check it (${error instanceof Error ? error.message : String(error)}); try again later\n`);
    return 1;
  } finally {
    objects.close();
  }
}

process.exitCode = await main();

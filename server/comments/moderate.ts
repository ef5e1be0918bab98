// `npm run moderate -- hide|delete <remote URL> <comment id> --user NAME [--reason TEXT]`: hides
// or deletes a comment on a comment remote as its moderator. The password is read from the
// environment variable MODERATOR_PASSWORD (never from the command line, which others can see).
import { parseArgs } from 'node:util';
import { moderateComment } from './moderate-comment.ts';

const USAGE = 'usage: npm run moderate -- hide|delete <remote URL> <comment id> --user NAME [--reason TEXT]  (password in MODERATOR_PASSWORD)';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { user: { type: 'string' }, reason: { type: 'string' } } });
  const [action, url, id] = positionals;
  const password = process.env.MODERATOR_PASSWORD;
  if ((action !== 'hide' && action !== 'delete') || !url || !id || !values.user || positionals.length !== 3) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!password) {
    process.stderr.write(`set MODERATOR_PASSWORD to the moderator's password\n${USAGE}\n`);
    return 2;
  }
  try {
    const result = await moderateComment({
      action,
      url,
      id,
      credentials: { username: values.user, password },
      ...(values.reason === undefined ? {} : { reason: values.reason }),
    });
    process.stdout.write(`${action === 'hide' ? 'Hid' : 'Deleted'} comment ${id} on ${result.page}: commit ${result.commit.slice(0, 12)} (${result.paths.join(', ')})${result.attempts > 1 ? `, pushed again ${result.attempts - 1} time(s) because readers' comments moved main meanwhile` : ''}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();

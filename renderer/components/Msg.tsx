import type { Message } from '../../src/api/message';
import { useMessage } from '../i18n/useMessage';

/** One core Message as text in the owner's language. */
export function Msg({ m }: { m: Message }) {
  const say = useMessage();
  return <>{say(m)}</>;
}

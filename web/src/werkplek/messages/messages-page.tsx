import { useParams } from 'react-router';
import { Inbox } from './inbox';
import { NewMessageForm } from './new-message-form';
import { ThreadView } from './thread-view';

/** /werkplek/berichten (inbox or ?map=archief), /werkplek/berichten/nieuw, /werkplek/berichten/:threadId. */
export function MessagesPage() {
  const { threadId } = useParams();
  if (!threadId) return <Inbox />;
  if (threadId === 'nieuw') return <NewMessageForm />;
  return <ThreadView key={threadId} threadId={threadId} />;
}

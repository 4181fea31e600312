// The sign-in form of a CouchDB database (Settings -> Sync, "Join a team"): its address, the user
// name and the password, which is handed on once and never kept: the field is emptied as the
// sign-in starts. Each attempt clears the last one's problem (here, and through onAttempt on the page). The caller gives the texts (in its own strings) and the address normalizer
// (`normalizeDbUrl` in src/sync, which this layer may not import). Used by lazy pages only, so it
// stays out of the first-visit bundle.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

export interface SignInStrings {
  url: string;
  urlHelp: string;
  user: string;
  password: string;
  passwordHelp: string;
  submit: string;
  /** The button while the sign-in runs (disabled meanwhile); without it the button stays as is. */
  submitting?: string;
  invalidUrl: string;
  /** A server's root without a database (http://127.0.0.1:5991); without it, `invalidUrl`. */
  noDatabase?: string;
  cleartext: string;
  missing: string;
}

export interface SignInFormProps {
  strings: SignInStrings;
  /** The typed address as the engine uses it, or what is wrong with it (`normalizeDbUrl`). */
  normalizeUrl: (text: string) => { url: string } | { problem: 'invalid' | 'cleartext' };
  /** Signs in with the normalized address and the trimmed user name; may answer a problem to show. */
  onSignIn: (url: string, user: string, password: string) => Promise<string | void>;
  /** The address field's first value (a link's). */
  initialUrl?: string;
  /** Saved values that fill the fields still empty once they are known (a new object fills again). */
  saved?: { url: string; user: string } | null;
  /** A heading inside the form, which then names it. */
  heading?: string;
  className: string;
  actionsClassName: string;
  /** More buttons beside the submit button. */
  children?: ReactNode;
  /** Shown under the address's help (where the address comes from). */
  urlGuide?: ReactNode;
  /** No submit button (sync already running: Stop is the one action). */
  submitHidden?: boolean;
  /** Called as each attempt starts, before its checks: the page clears what it said of the last one. */
  onAttempt?: () => void;
}

/** A server's address with no database after it (`http://127.0.0.1:5991`): a server, not a database. */
function isServerRoot(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname.replace(/\/+$/, '') === '';
  } catch {
    return false;
  }
}

export function SignInForm({ strings, normalizeUrl, onSignIn, initialUrl = '', saved, heading, className, actionsClassName, children, urlGuide, submitHidden = false, onAttempt }: SignInFormProps) {
  const id = useId();
  // Saved values known at the first render fill the fields at once (no empty flash before them).
  const [url, setUrl] = useState(initialUrl || (saved?.url ?? ''));
  const [user, setUser] = useState(saved?.user ?? '');
  const [password, setPassword] = useState('');
  // Each problem shown is a new alert (its own key), so the same words after a new attempt are said again.
  const [problem, setProblem] = useState<{ text: string; n: number } | null>(null);
  const shown = useRef(0);
  const say = (text: string) => setProblem({ text, n: (shown.current += 1) });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!saved) return;
    setUrl((u) => (u === '' ? saved.url : u));
    setUser((u) => (u === '' ? saved.user : u));
  }, [saved]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    // A new attempt: the last one's problem goes, here and on the page (issue 26).
    setProblem(null);
    onAttempt?.();
    const address = normalizeUrl(url);
    // http:// to another computer is refused with the reason (issue 22): the password would travel in clear.
    if ('problem' in address) {
      return say(address.problem === 'cleartext' ? strings.cleartext : isServerRoot(url) && strings.noDatabase ? strings.noDatabase : strings.invalidUrl);
    }
    if (user.trim() === '' || password === '') return say(strings.missing);
    if (strings.submitting !== undefined) setBusy(true);
    const typed = password;
    setPassword('');
    try {
      const answer = await onSignIn(address.url, user.trim(), typed);
      if (typeof answer === 'string') say(answer);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={className} onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={heading !== undefined ? `${id}-heading` : undefined}>
      {heading !== undefined && <h2 id={`${id}-heading`}>{heading}</h2>}
      <label>
        <span>{strings.url}</span>
        <input type="url" inputMode="url" autoComplete="url" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} aria-describedby={`${id}-url-help`} />
      </label>
      <p id={`${id}-url-help`} className="muted">{strings.urlHelp}</p>
      {urlGuide}
      <label>
        <span>{strings.user}</span>
        <input type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} value={user} onChange={(e) => setUser(e.target.value)} />
      </label>
      <label>
        <span>{strings.password}</span>
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={`${id}-password-help`} />
      </label>
      <p id={`${id}-password-help`} className="muted">{strings.passwordHelp}</p>
      {problem && (
        <p role="alert" key={problem.n}>
          {problem.text}
        </p>
      )}
      <div className={actionsClassName}>
        {!submitHidden && (
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && strings.submitting !== undefined ? strings.submitting : strings.submit}
          </button>
        )}
        {children}
      </div>
    </form>
  );
}

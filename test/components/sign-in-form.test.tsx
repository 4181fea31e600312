// @vitest-environment jsdom
// The sign-in form the sync page and the team's join form share (src/components/sign-in-form.tsx):
// accessible names and descriptions from the caller's strings, the problems it says before trying
// (with the real normalizer), the password handed on once and emptied before the sign-in runs,
// the saved values filling only empty fields, and the busy button.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInForm, type SignInFormProps, type SignInStrings } from '../../src/components/sign-in-form';
import { normalizeDbUrl } from '../../src/sync/couch-client';

afterEach(cleanup);

const STRINGS: SignInStrings = {
  url: 'Server',
  urlHelp: 'The address of your database.',
  user: 'User name',
  password: 'Password',
  passwordHelp: 'Used to sign in and never stored.',
  submit: 'Sign in',
  invalidUrl: 'Not a database address.',
  cleartext: 'http:// would send the password in clear.',
  missing: 'Type your user name and password.',
};

function renderForm(props: Partial<SignInFormProps> = {}) {
  const onSignIn = vi.fn<SignInFormProps['onSignIn']>(async () => undefined);
  const view = render(<SignInForm strings={STRINGS} normalizeUrl={normalizeDbUrl} onSignIn={onSignIn} className="panel" actionsClassName="actions" {...props} />);
  return { onSignIn, ...view };
}

const url = () => screen.getByRole('textbox', { name: 'Server' }) as HTMLInputElement;
const user = () => screen.getByRole('textbox', { name: 'User name' }) as HTMLInputElement;
const password = () => screen.getByLabelText('Password') as HTMLInputElement;
const describedBy = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;

describe('SignInForm', () => {
  it('names its fields and button with the given strings, and describes the address and the password', () => {
    renderForm();
    expect(url().type).toBe('url');
    expect(user().autocomplete).toBe('username');
    expect(password().type).toBe('password');
    expect(password().autocomplete).toBe('current-password');
    expect(describedBy(url())).toBe('The address of your database.');
    expect(describedBy(password())).toBe('Used to sign in and never stored.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    // Without a heading the form has no name of its own (the page's h1 says what it is).
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('with a heading, is a form named by it; two forms on one page keep their own descriptions', () => {
    render(
      <>
        <SignInForm strings={STRINGS} normalizeUrl={normalizeDbUrl} onSignIn={async () => undefined} heading="Join a team" className="a" actionsClassName="b" />
        <SignInForm strings={{ ...STRINGS, url: 'Team database', urlHelp: 'From your lead.' }} normalizeUrl={normalizeDbUrl} onSignIn={async () => undefined} className="a" actionsClassName="b" />
      </>,
    );
    expect(screen.getByRole('form', { name: 'Join a team' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Join a team' })).toBeTruthy();
    expect(describedBy(screen.getByRole('textbox', { name: 'Server' }))).toBe('The address of your database.');
    expect(describedBy(screen.getByRole('textbox', { name: 'Team database' }))).toBe('From your lead.');
  });

  it('says what is wrong before trying: no address, http:// to another computer, a missing name or password', async () => {
    const { onSignIn } = renderForm({ initialUrl: 'couch.example.org' });
    await userEvent.type(user(), 'alice');
    await userEvent.type(password(), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('Not a database address.');
    await userEvent.clear(url());
    await userEvent.type(url(), 'http://couch.example.org/kujira-alice');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('http:// would send the password in clear.');
    await userEvent.clear(url());
    await userEvent.type(url(), 'https://couch.example.org/kujira-alice');
    await userEvent.clear(user());
    await userEvent.type(user(), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('Type your user name and password.');
    expect(onSignIn).not.toHaveBeenCalled();
    // Refused before trying: the password is still there to correct the rest.
    expect(password().value).toBe('secret');
  });

  it('signs in with the normalized address and trimmed name; the password field is emptied while the sign-in runs, and nothing of it is left in the page', async () => {
    let finish = () => {};
    const onSignIn = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { container } = renderForm({ onSignIn });
    await userEvent.type(url(), 'https://couch.example.org/kujira-alice/');
    await userEvent.type(user(), ' alice ');
    await userEvent.type(password(), 'pa ss');
    await userEvent.keyboard('{Enter}');
    expect(onSignIn).toHaveBeenCalledTimes(1);
    expect(onSignIn).toHaveBeenCalledWith('https://couch.example.org/kujira-alice', 'alice', 'pa ss');
    // Still signing in, and already gone from the field.
    await waitFor(() => expect(password().value).toBe(''));
    expect(container.innerHTML).not.toContain('pa ss');
    finish();
    await waitFor(() => expect(password().value).toBe(''));
    expect(screen.queryByRole('alert')).toBeNull();
    // The address and the user name stay for the next time.
    expect(url().value).toBe('https://couch.example.org/kujira-alice/');
    expect(user().value).toBe(' alice ');
  });

  it('shows the problem the sign-in answers', async () => {
    renderForm({ initialUrl: 'https://couch.example.org/team', onSignIn: async () => 'Wrong user name or password.' });
    await userEvent.type(user(), 'ana');
    await userEvent.type(password(), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong user name or password.');
    expect(password().value).toBe('');
  });

  it('clears the last problem as a new attempt starts, and says each new one anew (issue 26)', async () => {
    let answer: (problem: string | void) => void = () => {};
    const onSignIn = vi.fn(() => new Promise<string | void>((resolve) => (answer = resolve)));
    const onAttempt = vi.fn();
    renderForm({ initialUrl: 'http://127.0.0.1:5991', onSignIn, onAttempt, strings: { ...STRINGS, noDatabase: 'That is a server, not a database.' } });
    await userEvent.type(user(), 'ana');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['That is a server, not a database.']);
    const first = screen.getByRole('alert');
    // The same problem again is a new alert, so it is announced again.
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('That is a server, not a database.');
    expect(screen.getByRole('alert')).not.toBe(first);
    // A new problem takes the old one's place.
    await userEvent.clear(url());
    await userEvent.type(url(), 'http://127.0.0.1:5991/kujira-ana');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Type your user name and password.']);
    // An attempt that goes to the server: the last problem is gone while it runs, the answer's shows after.
    await userEvent.type(password(), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.queryByRole('alert')).toBeNull();
    answer('Wrong user name or password.');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong user name or password.');
    expect(onAttempt).toHaveBeenCalledTimes(4);
  });

  it('with a "submitting" text, the button says it and is disabled until the sign-in ends', async () => {
    let finish = () => {};
    renderForm({ initialUrl: 'https://couch.example.org/team', strings: { ...STRINGS, submitting: 'Signing in…' }, onSignIn: () => new Promise<void>((resolve) => (finish = resolve)) });
    await userEvent.type(user(), 'ana');
    await userEvent.type(password(), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const busy = await screen.findByRole('button', { name: 'Signing in…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    finish();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('fills only the empty fields with the saved values when they arrive; a link\'s address wins', () => {
    const { rerender } = renderForm({ initialUrl: 'https://link.example.org/kujira-alice' });
    const props = { strings: STRINGS, normalizeUrl: normalizeDbUrl, onSignIn: async () => undefined, className: 'panel', actionsClassName: 'actions', initialUrl: 'https://link.example.org/kujira-alice' };
    rerender(<SignInForm {...props} saved={{ url: 'https://saved.example.org/kujira-alice', user: 'alice' }} />);
    expect(url().value).toBe('https://link.example.org/kujira-alice');
    expect(user().value).toBe('alice');
  });

  it('puts extra buttons beside the submit button', () => {
    renderForm({ children: <button type="button">Stop</button> });
    const stop = screen.getByRole('button', { name: 'Stop' });
    expect(stop.parentElement).toBe(screen.getByRole('button', { name: 'Sign in' }).parentElement);
    expect(stop.parentElement?.className).toBe('actions');
  });
});

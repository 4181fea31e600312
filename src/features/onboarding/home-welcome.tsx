// The welcome on Home, on a first visit: what Kujira is, the language, the daily goal, then the
// first lesson. Skip leaves the learner on Home. Loaded lazily by the app's Home route, so the
// first paint carries none of it; renders nothing once the welcome has been seen.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useWelcomeSeen } from '../../db';
import { useClock } from '../../hooks/clock';
import { finishWelcome, useDeckPath } from './use-onboarding';
import { Welcome } from './welcome';
import './onboarding.css';

export default function HomeWelcome() {
  const seen = useWelcomeSeen();
  const [closed, setClosed] = useState(false);
  const path = useDeckPath(null);
  const clock = useClock();
  const [, navigate] = useLocation();
  if (seen !== false || closed) return null;
  const skip = () => {
    setClosed(true);
    void finishWelcome(null, clock.now());
  };
  const start = () => {
    void finishWelcome(path, clock.now()).then((lessonId) => {
      navigate(path && lessonId ? `/onboarding/${path.deck.id}/${lessonId}` : '/onboarding');
    });
  };
  return <Welcome embedded onDone={start} onSkip={skip} />;
}

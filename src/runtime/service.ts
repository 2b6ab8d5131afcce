/** A backing service the app uses: where to reach it, and how to stop it if we started it. */
export interface RunningService {
  url: string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { RedisConnection } from "./redis-connection.ts";

/** The part of a LiveAssistant that announcements drive and listen to. */
export type ReloadableAssistant = {
  readonly version: string;
  /** Loads the version `CURRENT` names, if new; true when swapped. */
  reload(): Promise<boolean>;
  /** Called after each swap, whatever triggered it. */
  onSwap(listener: (version: string) => void): () => void;
};

/** What one replica tells the others after it starts serving a new index version. */
const announcementSchema = z.object({
  version: z.string().min(1).max(200),
  /** The announcing replica's name, for the log. */
  replica: z.string().max(200),
  /** Random per process: a replica ignores its own announcements. */
  sender: z.string().max(100),
});

type Announcement = z.infer<typeof announcementSchema>;

export type ReindexAnnouncementsOptions = {
  connection: RedisConnection;
  /** The pub/sub channel, shared by every replica of one deployment. */
  channel: string;
  /** This replica's name in announcements and log lines. */
  replica: string;
  log?: (message: string) => void;
};

/**
 * Re-index announcements over Redis pub/sub: when this replica starts serving a new index version
 * (after `POST /admin/reindex`, or because polling saw a new `CURRENT`), it publishes the version;
 * every other replica subscribed reloads at once instead of at its next poll. Polling stays the
 * fallback: an announcement lost while Redis was away is caught by the next poll, and a replica
 * also reloads when its subscription is (re)established.
 *
 * A version loaded because of an announcement is not announced again, so one re-index makes one
 * message per replica that saw it first, never a storm.
 */
export class ReindexAnnouncements {
  private readonly connection: RedisConnection;
  private readonly channel: string;
  private readonly replica: string;
  private readonly sender = randomUUID();
  private readonly log: (message: string) => void;
  private readonly stops: Array<() => void> = [];
  /** Versions loaded because another replica announced them. */
  private readonly announced = new Set<string>();

  constructor(options: ReindexAnnouncementsOptions) {
    this.connection = options.connection;
    this.channel = options.channel;
    this.replica = options.replica;
    this.log = options.log ?? (() => {});
  }

  /** Subscribes, reloads `live` on each announcement, and announces each swap of `live`. */
  attach(live: ReloadableAssistant): void {
    const subscriber = this.connection.subscriber();
    const subscribe = () => {
      subscriber.subscribe(this.channel).then(
        // Announcements sent while this replica was not subscribed are lost: catch up now.
        () => void this.catchUp(live),
        // The connection is down again; its next "ready" subscribes again.
        () => {},
      );
    };
    const onMessage = (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const announcement = this.parse(message);
      if (announcement === undefined || announcement.sender === this.sender) return;
      void this.follow(live, announcement);
    };
    subscriber.on("ready", subscribe);
    subscriber.on("message", onMessage);
    if (subscriber.status === "ready") subscribe();
    const stopListening = live.onSwap((version) => {
      if (!this.announced.has(version)) void this.publish(version);
    });
    this.stops.push(() => {
      subscriber.off("ready", subscribe);
      subscriber.off("message", onMessage);
      stopListening();
    });
  }

  /** Publishes `version` to the other replicas; false when Redis could not be reached. */
  async publish(version: string): Promise<boolean> {
    if (this.connection.status !== "connected") return false;
    const announcement: Announcement = { version, replica: this.replica, sender: this.sender };
    try {
      await this.connection.client.publish(this.channel, JSON.stringify(announcement));
      return true;
    } catch (error) {
      // The other replicas find the version by polling.
      this.connection.commandFailed(error);
      return false;
    }
  }

  /** Stops listening; the connection itself is closed by its owner. */
  close(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private parse(message: string): Announcement | undefined {
    try {
      const parsed = announcementSchema.safeParse(JSON.parse(message));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  private async follow(live: ReloadableAssistant, announcement: Announcement): Promise<void> {
    if (announcement.version === live.version) return;
    this.announced.add(announcement.version);
    try {
      // A reload already running may have read CURRENT before the announced version was
      // written; it is shared, so one more reload after it reads CURRENT afresh.
      if (!(await live.reload()) && live.version !== announcement.version) await live.reload();
      if (live.version === announcement.version) {
        this.log(`now serving index ${live.version} (announced by ${announcement.replica})`);
      }
    } catch (error) {
      this.log(
        `index reload failed, still serving ${live.version}: ${(error as Error).message} ` +
          `(announced by ${announcement.replica})`,
      );
    }
  }

  private async catchUp(live: ReloadableAssistant): Promise<void> {
    try {
      if (await live.reload()) this.log(`now serving index ${live.version}`);
    } catch {
      // Polling reports a version it cannot load.
    }
  }
}

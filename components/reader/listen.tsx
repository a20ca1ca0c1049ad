"use client";

import { useEffect, useRef, useState } from "react";
import { pickChineseVoice, speechChunks } from "@/lib/speech-text";

type Status = "idle" | "speaking" | "paused";

/** The headline and the body text on the page now; the rest of a subscriber's text counts once it has loaded. */
function articleText(from: Element | null): { title: string; body: string } {
  const article = from?.closest("article");
  const title = article?.querySelector("h1")?.textContent?.trim() ?? "";
  const body = [...(article?.querySelectorAll(".prose-zh") ?? [])].map((block) => (block as HTMLElement).innerText).join("\n");
  return { title, body };
}

export type ListenLabels = { label: string; listen: string; pause: string; resume: string; stop: string; speaking: string; paused: string };

const button = "rounded border border-rule bg-white px-2.5 py-1 text-sm hover:border-brand";

/**
 * 朗读: the article read aloud by the browser's own speech synthesis, in a
 * Chinese voice. Renders nothing until mounted and only where such a voice
 * exists, so readers never see a button that cannot work.
 */
export function Listen({ labels }: { labels: ListenLabels }) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [status, setStatus] = useState<Status>("idle");
  const anchor = useRef<HTMLDivElement>(null);
  // Each start gets a new run number: cancel() fires `end` on the utterance it stops, which must not queue the next one.
  const run = useRef(0);
  const spoken = useRef(0);

  useEffect(() => {
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    const synth = window.speechSynthesis;
    const choose = () => setVoice(pickChineseVoice(synth.getVoices()));
    choose();
    synth.addEventListener("voiceschanged", choose);
    return () => {
      synth.removeEventListener("voiceschanged", choose);
      run.current += 1;
      synth.cancel();
    };
  }, []);

  if (!voice) return null;
  const synth = window.speechSynthesis;

  function speakFrom(thisRun: number, queue: string[]) {
    if (run.current !== thisRun || !voice) return;
    let next = queue.shift();
    if (next === undefined) {
      // Text may have arrived while reading (the subscriber's rest): carry on with it.
      const { body } = articleText(anchor.current);
      const more = speechChunks(body.slice(spoken.current));
      spoken.current = body.length;
      next = more.shift();
      queue = more;
      if (next === undefined) return setStatus("idle");
    }
    const utterance = new SpeechSynthesisUtterance(next);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = () => speakFrom(thisRun, queue);
    utterance.onerror = () => {
      if (run.current === thisRun) setStatus("idle");
    };
    synth.speak(utterance);
  }

  function start() {
    synth.cancel();
    const thisRun = ++run.current;
    const { title, body } = articleText(anchor.current);
    spoken.current = body.length;
    setStatus("speaking");
    speakFrom(thisRun, speechChunks(`${title}。\n${body}`));
  }

  function stop() {
    run.current += 1;
    synth.cancel();
    setStatus("idle");
  }

  // One button that changes its job, so focus stays on it from 朗读 to 暂停 to 继续.
  const main =
    status === "idle"
      ? { label: labels.listen, act: start }
      : status === "speaking"
        ? { label: labels.pause, act: () => {
              synth.pause();
              setStatus("paused");
            } }
        : { label: labels.resume, act: () => {
              synth.resume();
              setStatus("speaking");
            } };

  return (
    <div ref={anchor} role="group" aria-label={labels.label} className="flex items-center gap-1.5">
      <button type="button" className={button} onClick={main.act}>
        {main.label}
      </button>
      {status !== "idle" && (
        <button type="button" className={button} onClick={stop}>
          {labels.stop}
        </button>
      )}
      <span role="status" className="sr-only">
        {status === "speaking" ? labels.speaking : status === "paused" ? labels.paused : ""}
      </span>
    </div>
  );
}

import { pickChineseVoice, speechChunks } from "@/lib/speech-text";

export type ListenLabels = { listen: string; pause: string; resume: string; stop: string; speaking: string; paused: string };

type Status = "idle" | "speaking" | "paused";

/** The headline and the body text on the page now; the rest of a subscriber's text counts once it has loaded. */
function articleText(from: Element): { title: string; body: string } {
  const article = from.closest("article");
  const title = article?.querySelector("h1")?.textContent?.trim() ?? "";
  const body = [...(article?.querySelectorAll<HTMLElement>(".prose-zh") ?? [])].map((block) => block.innerText).join("\n");
  return { title, body };
}

/**
 * 朗读: the article read aloud by the browser's own speech synthesis, in a
 * Chinese voice. The group is rendered hidden and shown only where such a
 * voice exists, so readers never see a button that cannot work. One button
 * changes its job (朗读, 暂停, 继续), so focus stays on it.
 */
export function mountListen(group: HTMLElement, labels: ListenLabels): () => void {
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return () => {};
  const synth = window.speechSynthesis;
  const main = group.querySelector<HTMLButtonElement>("[data-listen-main]");
  const stopButton = group.querySelector<HTMLButtonElement>("[data-listen-stop]");
  const status = group.querySelector<HTMLElement>("[role=status]");
  if (!main || !stopButton || !status) return () => {};

  let voice: SpeechSynthesisVoice | null = null;
  let state: Status = "idle";
  // Each start gets a new run number: cancel() fires `end` on the utterance it stops, which must not queue the next one.
  let run = 0;
  let spoken = 0;

  const render = (next: Status) => {
    state = next;
    main.textContent = state === "idle" ? labels.listen : state === "speaking" ? labels.pause : labels.resume;
    stopButton.hidden = state === "idle";
    status.textContent = state === "speaking" ? labels.speaking : state === "paused" ? labels.paused : "";
  };

  const choose = () => {
    voice = pickChineseVoice(synth.getVoices());
    group.hidden = !voice;
  };

  function speakFrom(thisRun: number, queue: string[]) {
    if (run !== thisRun || !voice) return;
    let next = queue.shift();
    if (next === undefined) {
      // Text may have arrived while reading (the subscriber's rest): carry on with it.
      const { body } = articleText(group);
      const more = speechChunks(body.slice(spoken));
      spoken = body.length;
      next = more.shift();
      queue = more;
      if (next === undefined) return render("idle");
    }
    const utterance = new SpeechSynthesisUtterance(next);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = () => speakFrom(thisRun, queue);
    utterance.onerror = () => {
      if (run === thisRun) render("idle");
    };
    synth.speak(utterance);
  }

  const onMain = () => {
    if (state === "idle") {
      synth.cancel();
      const thisRun = ++run;
      const { title, body } = articleText(group);
      spoken = body.length;
      render("speaking");
      speakFrom(thisRun, speechChunks(`${title}。\n${body}`));
    } else if (state === "speaking") {
      synth.pause();
      render("paused");
    } else {
      synth.resume();
      render("speaking");
    }
  };
  const onStop = () => {
    run += 1;
    synth.cancel();
    render("idle");
  };

  choose();
  synth.addEventListener("voiceschanged", choose);
  main.addEventListener("click", onMain);
  stopButton.addEventListener("click", onStop);
  return () => {
    synth.removeEventListener("voiceschanged", choose);
    main.removeEventListener("click", onMain);
    stopButton.removeEventListener("click", onStop);
    run += 1;
    synth.cancel();
  };
}

"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { ConfirmAction } from "../staff/staff-forms";
import { removeLogoAction, updateMeteringAction, updatePublicationAction } from "./actions";

export type ProfileValues = { name: string; slogan: string; cnNumber: string; sponsor: string; publisher: string; hotline: string; timeZone: string };

export function PublicationProfileForm({ initial }: { initial: ProfileValues }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updatePublicationAction, {});
  const values = { ...initial, ...(state.ok ? {} : state.values) } as ProfileValues;
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof ProfileValues, label: string, english: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field id={`publication-${name}`} name={name} type="text" label={label} english={english} defaultValue={values[name]} errors={errors[name]} {...extra} />
  );
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="publication-status">
      <FormStatus id="publication-status" state={state} />
      {field("name", "报纸名称", "Name", { required: true, maxLength: 40 })}
      {field("slogan", "口号", "Slogan", { maxLength: 200 })}
      {field("cnNumber", "国内统一连续出版物号", "CN number", { required: true, maxLength: 30, hint: "格式如 CN 15-0042" })}
      {field("sponsor", "主管主办", "Sponsor", { required: true, maxLength: 100 })}
      {field("publisher", "出版单位", "Publisher", { required: true, maxLength: 100 })}
      {field("hotline", "新闻热线", "Hotline", { required: true, maxLength: 40, inputMode: "tel" })}
      {field("timeZone", "时区", "Time zone", {
        required: true,
        maxLength: 64,
        hint: "全站按北京时间计算出版日、定时出版和统计,因此只接受与 Asia/Shanghai 相同的时区。",
      })}
      <SubmitButton pending={pending} pendingText="正在保存…">
        保存报社资料 <span className="ml-1 text-sm opacity-80">Save</span>
      </SubmitButton>
    </form>
  );
}

export type MeteringValues = { anonymousPerMonth: string; memberPerMonth: string };

export function MeteringForm({ initial }: { initial: MeteringValues }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateMeteringAction, {});
  const values = { ...initial, ...(state.ok ? {} : state.values) } as MeteringValues;
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof MeteringValues, label: string, english: string, hint: string) => (
    <Field
      id={`metering-${name}`}
      name={name}
      type="number"
      inputMode="numeric"
      min={0}
      max={100}
      step={1}
      required
      label={label}
      english={english}
      hint={hint}
      defaultValue={values[name]}
      errors={errors[name]}
    />
  );
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="metering-status">
      <FormStatus id="metering-status" state={state} />
      {field("anonymousPerMonth", "未登录读者每月免费篇数", "Anonymous, per month", "按设备计数(浏览器 Cookie),读完后提示注册。0 表示关闭。")}
      {field("memberPerMonth", "注册读者每月免费篇数", "Members, per month", "按账户计数,适用于已注册但未订阅的读者。0 表示关闭。")}
      <SubmitButton pending={pending} pendingText="正在保存…">
        保存免费阅读设置 <span className="ml-1 text-sm opacity-80">Save</span>
      </SubmitButton>
    </form>
  );
}

export function RemoveLogoButton() {
  return (
    <ConfirmAction
      action={removeLogoAction}
      fields={{}}
      ask="删除标志"
      question="确定删除报社标志吗?读者页面将恢复默认报头。"
      confirm="确定删除"
      pendingText="正在删除…"
    />
  );
}

import { describe, expect, it } from "vitest";
import { extractResponsible } from "../../src/ingest/responsible.ts";

describe("extractResponsible", () => {
  it.each([
    ["加强领导。(责任单位:市委宣传部、市安委办和相关部门)", ["市委宣传部", "市安委办", "相关部门"], []],
    [
      "加强领导。（责任单位：市应急管理局、市工信局、市交通运输局等相关部门）",
      ["市应急管理局", "市工信局", "市交通运输局"],
      [],
    ],
    [
      "加强领导。（省委宣传部、省应急管理厅牵头，各有关部门分工负责）",
      ["省委宣传部", "省应急管理厅", "各有关部门"],
      ["省委宣传部", "省应急管理厅"],
    ],
    ["加强领导。（省应急管理厅会同有关部门分工负责）", ["省应急管理厅", "有关部门"], []],
    ["加强领导。（省公安厅牵头负责）", ["省公安厅"], ["省公安厅"]],
    ["加强领导。(责任单位:市住建局、发改局等部门、单位)", ["市住建局", "发改局"], []],
    [
      "加强领导。(责任单位:市自然资源和规划局、发改局、消防大队等部门、单位",
      ["市自然资源和规划局", "发改局", "消防大队"],
      [],
    ],
    [
      "加强领导。（牵头单位：市应急局；配合单位：市公安局、市住建局）",
      ["市应急局", "市公安局", "市住建局"],
      ["市应急局"],
    ],
    ["加强领导。（省发展和改革委员会、省工业和信息化厅分工负责）", ["省发展和改革委员会", "省工业和信息化厅"], []],
  ])("%s", (text, responsible, leads) => {
    const r = extractResponsible(text);
    expect(r.responsible).toEqual(responsible);
    expect(r.leads).toEqual(leads);
  });
  it("finds the parenthetical before a trailing note", () => {
    const r = extractResponsible("组织学习。(责任单位:市委宣传部)\n\n[每一项目标任务都涉及各乡镇,在分工中不再罗列]");
    expect(r.responsible).toEqual(["市委宣传部"]);
  });
  it("does not read ordinary brackets as units", () => {
    expect(extractResponsible("实施“四不两直”（不发通知、不打招呼、不听汇报）明查暗访。").responsible).toEqual([]);
  });
});

describe("a clause with sub-items", () => {
  it("merges the 责任单位 of each, in order", () => {
    const text =
      "落实企业安全生产主体责任。\n（1）建立全员安全生产责任制。（县应急局牵头，县市场监管局配合）\n（2）推进标准化建设。（县住建局、县应急局负责）";
    expect(extractResponsible(text)).toMatchObject({
      responsible: ["县应急局", "县市场监管局", "县住建局"],
      leads: ["县应急局"],
    });
  });
});

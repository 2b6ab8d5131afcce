// Word patterns of issue #15's targets, forecast and commit (classify.ts orders the rules).

// Setting a target: a target word, "给X定", or an amount for each rep — with an amount.
export const SET_TARGET = /目标|指标|\bquotas?\b|\btargets?\b|挑战|(?:给|为)[^,，。]{1,8}(?:定|设)|定\s*(?=\d)|每人|每个人|每位销售|each rep|per rep/i;
// …but not a question about one, nor progress against one.
export const NOT_SETTING = /完成|达成|还差|差多少|多少|怎么样|[?？吗]|进度|attainment|how much|how are|on track|每人每(?:年|月|天)(?![^,，。]{0,4}(?:目标|指标))|元\s?\/\s?人|按人头|per head|per person/i;
// "这个月预测", "本季度forecast", "能不能完成" is a KPI question, not this.
export const FORECAST = /预测|预计能?(?:完成|做到|签)多少|forecast|projection|能做到多少|\bhow much (?:can|will|could) (?:i|we|the team) (?:close|sign|land|book)\b|\bwhat (?:can|will|could) (?:i|we|the team) (?:close|sign|land|book)\b|\bhow much (?:is|are) (?:likely|expected) to close\b/i;
// "美团这单有把握" / "commit Meituan" / "美团这单没把握了".
export const COMMIT = /有把握|稳了|十拿九稳|板上钉钉|能拿下|必签|commit(?:ted)?\b|in the bag|没把握|不稳了|不一定能签|uncommit|take (?:it|\w+) out of commit/i;
export const UNCOMMIT = /没把握|不稳了|不一定能签|uncommit|out of commit/i;
// Cues no deal sentence has: a target said with a person or per rep.
export const STRONG_TARGET = /(?:给|为)[\u4e00-\u9fff]{2,4}(?:定|设)|每人|每个人|挑战目标|团队目标|(?:年|季度|月)目标|each rep|per rep/i;
export const FORECAST_OR_PERIOD = /预测|forecast|月|季|年|quarter|month|year/i;

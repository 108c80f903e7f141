exports.label = "js-topic";
